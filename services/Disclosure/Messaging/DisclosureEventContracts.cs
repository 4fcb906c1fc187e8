using Domain = ConsentPlatform.Disclosure.Domain;
using Published = ConsentPlatform.Contracts.Disclosure;

namespace ConsentPlatform.Disclosure.Messaging;

/// <summary>
/// The edge between the stream's own events and the published contracts: each contract carries
/// the Marten event id (for consumers to de-duplicate), the request's subject, purpose and
/// organisations, and the decision with the answers it was judged on. Never released data.
/// </summary>
public sealed class DisclosureEventContracts : IEventContracts
{
    public object? ToContract(IEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var id = @event.Id;
        return @event.Data switch
        {
            Domain.DisclosureEvent.Requested e => new Published.DisclosureRequested(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.Request.DataCategories, e.Request.Basis, e.Request.Justification, e.RequestedBy, e.RequestedAt),
            Domain.DisclosureEvent.Approved e => new Published.DisclosureApproved(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.Request.DataCategories, e.Judgement.Decision, e.Judgement.ConsentCheck, e.Judgement.DsaCheck, e.Approval, e.RetentionDays,
                e.DecidedBy, e.ApprovedAt),
            Domain.DisclosureEvent.Denied e => new Published.DisclosureDenied(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.Request.DataCategories, e.Judgement.Decision, e.Judgement.ConsentCheck, e.Judgement.DsaCheck, e.DecidedBy, e.DeniedAt),
            Domain.DisclosureEvent.AwaitingOverrideApproval e => new Published.DisclosureAwaitingOverrideApproval(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.Request.DataCategories, e.Judgement.Decision, e.Judgement.ConsentCheck, e.Judgement.DsaCheck, e.DecidedBy, e.DecidedAt),
            Domain.DisclosureEvent.SafeguardingOverrideApproved e => new Published.SafeguardingOverrideApproved(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.Request.RequestedBy, e.Rationale, e.Approval, e.ApprovedBy, e.ApprovedAt),
            Domain.DisclosureEvent.Released e => new Published.DisclosureReleased(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.ReleasedCategories, e.Decision, e.AvailableUntil, e.ReleasedBy, e.ReleasedAt),
            Domain.DisclosureEvent.ReleaseRefused e => new Published.DisclosureReleaseRefused(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.Judgement.Decision, e.Judgement.ConsentCheck, e.Judgement.DsaCheck, e.RefusedTo, e.RefusedAt),
            Domain.DisclosureEvent.PackageRead e => new Published.PackageRead(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.ReadCategories, e.Decision, e.ReadBy, e.ReadAt),
            Domain.DisclosureEvent.PackageReadRefused e => new Published.PackageReadRefused(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.Judgement.Decision, e.Judgement.ConsentCheck, e.Judgement.DsaCheck, e.RefusedTo, e.RefusedAt),
            Domain.DisclosureEvent.PackagePurged e => new Published.PackagePurged(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.RetentionDays, e.PurgedBy, e.PurgedAt),
            Domain.DisclosureEvent.Blocked e => new Published.DisclosureBlocked(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.ConsentId, e.ConsentStatus, e.BlockedBy, e.BlockedAt),
            Domain.DisclosureEvent.PackageDestroyed e => new Published.PackageDestroyed(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.ConsentId, e.DestroyedBy, e.DestroyedAt),
            Domain.DisclosureEvent.DeletionRequested e => new Published.DeletionRequested(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.ConsentId, e.AnswerBy, e.RequestedBy, e.RequestedAt),
            Domain.DisclosureEvent.OverrideReviewed e => new Published.OverrideReviewed(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.Outcome, e.Rationale, e.ReviewedBy, e.ReviewedAt),
            Domain.DisclosureEvent.OverrideNoticeDelayed e => new Published.OverrideNoticeDelayed(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.Until, e.Reason, e.DelayedBy, e.DelayedAt),
            Domain.DisclosureEvent.OverrideNoticeDelayEnded e => new Published.OverrideNoticeDelayEnded(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.EndedBy, e.EndedAt),
            Domain.DisclosureEvent.DeletionAnswered e => new Published.DeletionAnswered(
                id, e.DisclosureId, e.Request.SubjectId, e.Request.Purpose, e.Request.RequesterOrgId, e.Request.HolderOrgId,
                e.Outcome, e.Reason, e.AnsweredBy, e.AnsweredAt),
            _ => null,
        };
    }
}
