namespace ConsentPlatform.Disclosure.Requesting;

/// <summary>Ask for a purpose-specific share; the live answers were gathered at <paramref name="Now"/>.</summary>
public sealed record RequestDisclosure(Guid DisclosureId, ShareRequest Request, EventActor Actor, string? ActorName, DateTimeOffset Now)
{
    /// <summary>Records the request and the rulebook's decision on it, with the answers judged on.</summary>
    public static Decision Decide(RequestDisclosure command, LiveAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(command);
        var judgement = Judgement.Of(command.Request, answers, approval: null, command.Now);
        object decided = judgement.Decision.Outcome switch
        {
            ShareOutcome.Approved => new DisclosureEvent.Approved(command.DisclosureId, command.Request, judgement, null, answers.Dsa?.RetentionDays, command.Actor, command.Now),
            ShareOutcome.AwaitingOverrideApproval => new DisclosureEvent.AwaitingOverrideApproval(command.DisclosureId, command.Request, judgement, command.Actor, command.Now),
            _ => new DisclosureEvent.Denied(command.DisclosureId, command.Request, judgement, command.Actor, command.Now),
        };
        return [new DisclosureEvent.Requested(command.DisclosureId, command.Request, command.Actor, command.ActorName, command.Now), decided];
    }
}
