using MassTransit;

namespace ConsentPlatform.Consent.Linking;

/// <summary>
/// The ledger id a young carer's sign-in acts for, from the consent service's own store: for its own
/// endpoints (<see cref="ISubjectLinks"/>, asked as each token is validated) and for the other
/// services, which ask over RabbitMQ (<see cref="ResolveSubjectLinkConsumer"/>).
/// </summary>
public sealed class SubjectLinkLookup(IQuerySession session) : ISubjectLinks
{
    public async Task<string?> SubjectOfAsync(string signInHash, CancellationToken cancellationToken) =>
        (await ActiveLinkAsync(session, signInHash, cancellationToken))?.SubjectId;

    public static Task<SubjectLink?> ActiveLinkAsync(IQuerySession session, string signInHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Query<SubjectLink>()
            .Where(l => l.SignInHash == signInHash && l.Status == SubjectLinkStatus.Linked)
            .FirstOrDefaultAsync(cancellationToken);
    }
}

public sealed class ResolveSubjectLinkConsumer(IQuerySession session) : IConsumer<ResolveSubjectLink>
{
    public async Task Consume(ConsumeContext<ResolveSubjectLink> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hash = context.Message.SignInHash;
        var link = string.IsNullOrEmpty(hash) ? null : await SubjectLinkLookup.ActiveLinkAsync(session, hash, context.CancellationToken);
        await context.RespondAsync(new SubjectLinkResolution(hash, link?.SubjectId));
    }
}
