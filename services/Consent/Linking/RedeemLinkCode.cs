using System.Security.Claims;
using ConsentPlatform.Consent.Api;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Problems;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConsentPlatform.Consent.Linking;

public sealed record RedeemLinkCodeRequest(string? Code);

/// <summary>
/// A young carer links the sign-in they are using to their ledger id with the code a practitioner
/// gave them: valid (its hash is known), unused, unexpired; and a sign-in links to one ledger id
/// at a time. Nobody can claim another child's ledger id by typing it: only a code issued for it works.
/// </summary>
public sealed record RedeemLinkCode(string SignInHash, EventActor Actor, DateTimeOffset Now)
{
    public static IReadOnlyList<object> Decide(RedeemLinkCode command, SubjectLink? code, SubjectLink? alreadyLinked)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (code is null) throw new NotFoundException("This link code is not one we know. Check it with the person who gave it to you.");
        if (code.Status != SubjectLinkStatus.Issued) throw new ConflictException("This link code has been used already. Ask for a new one.");
        if (command.Now >= code.ExpiresAt) throw new ConflictException("This link code has expired. Ask for a new one.");
        if (alreadyLinked is not null)
        {
            throw new ConflictException("This sign-in is already linked. End that link first if it is the wrong one.");
        }

        return [new SignInLinked(code.Id, code.SubjectId, command.SignInHash, command.Actor, command.Now)];
    }
}

public static class RedeemLinkCodeEndpoint
{
    public static RouteGroupBuilder MapRedeemLinkCode(this RouteGroupBuilder group)
    {
        group.MapPost("/", HandleAsync)
            .RequireAuthorization(ConsentPolicies.Answer)
            .WithName("RedeemLinkCode")
            .WithSummary("Link the sign-in in use to the young carer's ledger id with a one-time code")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    public static async Task<Created<LinkedSignIn>> HandleAsync(
        RedeemLinkCodeRequest? request,
        ClaimsPrincipal user,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        var errors = new FieldErrors();
        var code = LinkCode.Normalise(request?.Code);
        if (code is null) errors.Add("code", $"The code field is required: the {LinkCode.Length} letters and digits you were given, like ABCD-EFGH-JKMN.");
        var signIn = SignIns.HashOf(user);
        errors.ThrowIfAny();
        if (signIn is null) throw new ForbiddenException("The token names no issuer and subject to link.");

        var hash = LinkCode.HashOf(code!);
        var found = await session.Query<SubjectLink>().Where(l => l.CodeHash == hash).FirstOrDefaultAsync(cancellationToken);
        var linked = await SubjectLinkLookup.ActiveLinkAsync(session, signIn, cancellationToken);
        var now = clock.GetUtcNow();
        // The young carer acting: their sign-in may not be linked yet, so no subject is required of the token.
        var events = RedeemLinkCode.Decide(new RedeemLinkCode(signIn, EventActors.ActorOf(user), now), found, linked);

        // The code's stream at the version read: a second use racing this one is refused, never both.
        session.Events.Append(found!.Id, found.Version + 1, events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw new ConflictException("This link code has been used already. Ask for a new one.");
        }

        return TypedResults.Created("/api/me/links", new LinkedSignIn(found.Id, found.SubjectId, now, ThisSignIn: true));
    }
}
