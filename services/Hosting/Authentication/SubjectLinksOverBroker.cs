using MassTransit;

namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// <see cref="ISubjectLinks"/> for a service that does not keep the links: it asks the consent
/// service over RabbitMQ (<see cref="ResolveSubjectLink"/>), as the token is validated, within
/// <see cref="Timeout"/>. No answer: <see cref="SubjectLinksUnavailableException"/>, and the token
/// acts for nobody (fail closed). Not cached, so an ended link stops working everywhere at once.
/// </summary>
public sealed class SubjectLinksOverBroker(IRequestClient<ResolveSubjectLink> consent) : ISubjectLinks
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<string?> SubjectOfAsync(string signInHash, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await consent.GetResponse<SubjectLinkResolution>(new ResolveSubjectLink(signInHash), cancellationToken, RequestTimeout.After(ms: (int)Timeout.TotalMilliseconds));
            return answer.Message.SubjectId;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is RequestTimeoutException or RequestFaultException or MassTransitException or TimeoutException)
        {
            throw new SubjectLinksUnavailableException($"The consent service did not say which ledger id this sign-in is linked to ({e.GetType().Name}).", e);
        }
    }
}

public static class SubjectLinksRegistration
{
    /// <summary>For a service whose endpoints need the caller's ledger id: resolve young carers' sign-ins by asking the consent service.</summary>
    public static void AddSubjectLinksOverBroker(this IBusRegistrationConfigurator bus, IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddRequestClient<ResolveSubjectLink>();
        services.AddScoped<ISubjectLinks, SubjectLinksOverBroker>();
    }
}
