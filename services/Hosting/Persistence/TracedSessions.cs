namespace ConsentPlatform.Hosting.Persistence;

/// <summary>Lightweight sessions, each stamped with the trace context it was opened in (<see cref="TraceContext"/>).</summary>
internal sealed class TracedSessions(IDocumentStore store) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession();
        TraceContext.Stamp(session);
        return session;
    }
}
