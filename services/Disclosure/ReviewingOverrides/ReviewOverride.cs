namespace ConsentPlatform.Disclosure.ReviewingOverrides;

/// <summary>
/// <c>POST /api/disclosures/{id}/override-review</c> (issue 20): the holder organisation's Caldicott
/// guardian reviews an approved safeguarding override after the fact, once: upheld or not, with a
/// rationale. Only an approved override can be reviewed (409 otherwise).
/// </summary>
public sealed record ReviewOverride(Guid DisclosureId, OverrideReviewOutcome Outcome, string Rationale, EventActor Actor, DateTimeOffset Now)
{
    public static Decision Decide(ReviewOverride command, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Approval is null || state.ApprovedAt is null)
        {
            return Refusal.Conflict("Only an approved safeguarding override is reviewed; this disclosure has none.");
        }

        if (state.Review is { } done)
        {
            return Refusal.Conflict($"The override was reviewed already, on {done.ReviewedAt:yyyy-MM-dd}: {Wire(done.Outcome)}.");
        }

        return [new Domain.DisclosureEvent.OverrideReviewed(state.Id, state.Request, command.Outcome, command.Rationale, command.Actor, command.Now)];
    }

    public static string Wire(OverrideReviewOutcome outcome) => outcome == OverrideReviewOutcome.Upheld ? "upheld" : "not-upheld";
}

/// <summary><c>Disclosure:OverrideReviewWithin</c> (default 14 days) and <c>Disclosure:MaxNoticeDelay</c> (default 28 days).</summary>
public sealed class OverrideOversightOptions
{
    public const string Section = "Disclosure";

    public TimeSpan OverrideReviewWithin { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan MaxNoticeDelay { get; set; } = TimeSpan.FromDays(28);
}
