namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// Who did it, as every event records it: the caller's user id, role and organisation, from the
/// validated token only. One definition, so an event says the same of its actor in every service;
/// a service's own rule of whom a token may act for (a young carer needs a subject, a practitioner
/// an organisation) runs before it, in that service.
/// </summary>
public static class EventActors
{
    public static EventActor ActorOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new EventActor(caller.UserId, caller.Role, caller.OrgId);
    }

    public static EventActor ActorOf(ClaimsPrincipal user) => ActorOf(Caller.From(user));
}
