namespace ConsentPlatform.Consent.Accepting;

/// <summary><c>POST /api/consents/{id}/accept</c>: an omitted list keeps the proposal's; a given one narrows it.</summary>
public sealed record AcceptProposalRequest(IReadOnlyList<string?>? RecipientOrgIds, IReadOnlyList<string?>? DataCategories);

/// <summary>
/// The young person says yes to a proposal, on its terms or narrower ones: each list they give must
/// be a subset of the proposal's (an empty list on the proposal means "any the DSA allows", so any
/// list narrows it; an empty list given against a proposal that names some would widen it). Never
/// wider: a widening is refused (422) naming the field.
/// </summary>
public sealed record AcceptProposal(
    Guid ConsentId,
    IReadOnlyList<string>? RecipientOrgIds,
    IReadOnlyList<string>? DataCategories,
    EventActor Actor,
    DateTimeOffset Now)
{
    public static Decision Decide(AcceptProposal command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        switch (state.StatusAt(command.Now))
        {
            case ConsentStatus.Proposed:
                break;
            case ConsentStatus.Declined:
                return Refusal.Conflict("This proposal was declined, which is final: it cannot be accepted. Ask for a new one.");
            case ConsentStatus.Expired when state.AcceptedAt is null && state.ProposedAt is not null:
                return Refusal.Conflict("This proposal was not answered in time and has lapsed: it cannot be accepted. Ask for a new one.");
            default:
                return Refusal.Conflict("This consent is not an open proposal (it was already answered, or never was one): there is nothing to accept.");
        }

        if (Widening("recipientOrgIds", state.Terms.RecipientOrgIds, command.RecipientOrgIds) is { } wider) return wider;
        if (Widening("dataCategories", state.Terms.DataCategories, command.DataCategories) is { } widerToo) return widerToo;
        var terms = state.Terms with
        {
            RecipientOrgIds = command.RecipientOrgIds ?? state.Terms.RecipientOrgIds,
            DataCategories = command.DataCategories ?? state.Terms.DataCategories,
        };
        return [new ConsentEvent.Accepted(state.Id, state.Version + 1, terms, command.Actor, command.Now)];
    }

    /// <summary>The 422 for a list that would widen the proposal's, or null for one that keeps (omitted) or narrows it.</summary>
    private static Refusal? Widening(string field, IReadOnlyList<string> proposed, IReadOnlyList<string>? accepted)
    {
        if (accepted is null || proposed.Count == 0) return null;
        var outside = accepted.Where(a => !proposed.Contains(a, StringComparer.Ordinal)).ToList();
        if (accepted.Count > 0 && outside.Count == 0) return null;
        var what = accepted.Count == 0 ? "an empty list (which would mean any)" : string.Join(", ", outside);
        return Refusal.Unprocessable(
            $"{field} may only narrow the proposal, never widen it: {what} is not among the proposed {string.Join(", ", proposed)}.");
    }
}

public static class AcceptProposalEndpoint
{
    public static RouteGroupBuilder MapAcceptProposal(this RouteGroupBuilder group) =>
        group.MapSlice(
            HttpMethods.Post, "/{id:guid}/accept", HandleAsync, "AcceptProposal", ConsentPolicies.Answer,
            summary: "Accept a proposed consent, on its terms or narrower ones (the young carer only)");

    /// <remarks>403 (a token that acts for no young carer) is the answer policy's, declared on the route by it.</remarks>
    public static async Task<Outcome<Ok<ConsentResponse>, Refused.Invalid, Refused.NotFound, Refused.Conflict, Refused.PreconditionFailed, Refused.Unprocessable, Refused.CheckUnavailable>> HandleAsync(
        [AsParameters] ConsentChangeRequest change,
        AcceptProposalRequest? request)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new FieldErrors();
        var recipients = request?.RecipientOrgIds is null ? null : ConsentRules.Recipients(errors, request.RecipientOrgIds);
        var categories = request?.DataCategories is null ? null : ConsentRules.Categories(errors, request.DataCategories);
        var (answer, refusal) = await ConsentChanges.ChangeAsync(
            change,
            errors,
            (actor, now, state) => AcceptProposal.Decide(new(change.Id, recipients, categories, actor, now), state),
            alongside: (accepted, now, ct) => EnsureNoOtherLiveConsentAsync(change.Session, accepted, now, ct));
        if (refusal is not null) return refusal;
        return answer!;
    }

    /// <summary>
    /// Accepting makes the consent live, so the one-live rule applies as to a grant: a live consent
    /// for the purpose is 409 (the young person stops it first; the proposal stays open), one that
    /// has silently expired is recorded as expired in the same transaction. The unique index still
    /// decides a race.
    /// </summary>
    private static async Task<Refusal?> EnsureNoOtherLiveConsentAsync(IDocumentSession session, ConsentState accepted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var liveKey = ConsentState.LiveKeyOf(accepted.Terms.SubjectId, accepted.Terms.Purpose);
        var live = await session.Query<ConsentState>().Where(c => c.LiveKey == liveKey).FirstOrDefaultAsync(cancellationToken);
        if (live is null || live.Id == accepted.Id) return null;
        if (live.StatusAt(now) != ConsentStatus.Expired)
        {
            return Refusal.Conflict(
                $"There is already a live consent for purpose '{accepted.Terms.Purpose}': stop it before accepting this proposal, which stays open until then.");
        }

        var stale = await session.Events.FetchForWriting<ConsentState>(live.Id, cancellationToken);
        if (stale.Aggregate is { } current) stale.AppendMany(ExpireConsent.Decide(new ExpireConsent(live.Id, now), current));
        return null;
    }
}
