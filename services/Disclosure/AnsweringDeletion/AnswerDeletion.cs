namespace ConsentPlatform.Disclosure.AnsweringDeletion;

/// <summary>
/// <c>POST /api/disclosures/{id}/deletion</c> (issue 20): the recipient organisation answers the
/// request to delete a package it read before the consent was withdrawn: deleted, or retained with
/// a reason. Only a request not yet answered can be answered (409 otherwise).
/// </summary>
public sealed record AnswerDeletion(Guid DisclosureId, DeletionOutcome Outcome, string? Reason, EventActor Actor, DateTimeOffset Now)
{
    public static Decision Decide(AnswerDeletion command, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Deletion is null) return Refusal.Conflict("No deletion has been requested for this disclosure.");
        if (state.Deletion.IsAnswered) return Refusal.Conflict($"The deletion request was answered already, on {state.Deletion.AnsweredAt:O}.");
        if (command.Outcome == DeletionOutcome.Retained && string.IsNullOrWhiteSpace(command.Reason))
        {
            return Refusal.Invalid("reason", "Say why the copy is kept (for example the legal obligation that requires it).");
        }

        return [new Domain.DisclosureEvent.DeletionAnswered(state.Id, state.Request, command.Outcome, command.Reason, command.Actor, command.Now)];
    }
}
