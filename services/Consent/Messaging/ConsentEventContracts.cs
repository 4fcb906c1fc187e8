using Published = ConsentPlatform.Contracts.Consent;

namespace ConsentPlatform.Consent.Messaging;

/// <summary>
/// The edge between the stream's own events and the published contracts: each contract carries
/// the Marten event id (for consumers to de-duplicate), every term, and the version reached.
/// </summary>
public sealed class ConsentEventContracts : IEventContracts
{
    public object? ToContract(IEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var id = @event.Id;
        return @event.Data switch
        {
            Domain.ConsentEvent.Granted e => new Published.ConsentGranted(
                id, e.ConsentId, e.Version, e.Terms.SubjectId, e.Terms.Purpose, e.Terms.RecipientOrgIds, e.Terms.DataCategories,
                e.Terms.GivenBy, e.GrantedAt, e.Terms.ExpiresAt, ConsentStatus.Active, e.GrantedBy, e.GrantedAt, e.Terms.Proxy),
            Domain.ConsentEvent.Paused e => new Published.ConsentPaused(
                id, e.ConsentId, e.Version, e.Terms.SubjectId, e.Terms.Purpose, e.Terms.RecipientOrgIds, e.Terms.DataCategories,
                e.Terms.GivenBy, e.GrantedAt, e.Terms.ExpiresAt, ConsentStatus.Paused, e.Reason, e.PausedBy, e.PausedAt),
            Domain.ConsentEvent.Resumed e => new Published.ConsentResumed(
                id, e.ConsentId, e.Version, e.Terms.SubjectId, e.Terms.Purpose, e.Terms.RecipientOrgIds, e.Terms.DataCategories,
                e.Terms.GivenBy, e.GrantedAt, e.Terms.ExpiresAt, ConsentStatus.Active, e.ResumedBy, e.ResumedAt),
            Domain.ConsentEvent.Withdrawn e => new Published.ConsentWithdrawn(
                id, e.ConsentId, e.Version, e.Terms.SubjectId, e.Terms.Purpose, e.Terms.RecipientOrgIds, e.Terms.DataCategories,
                e.Terms.GivenBy, e.GrantedAt, e.Terms.ExpiresAt, ConsentStatus.Withdrawn, e.Reason, e.WithdrawnBy, e.WithdrawnAt),
            Domain.ConsentEvent.Expired e => new Published.ConsentExpired(
                id, e.ConsentId, e.Version, e.Terms.SubjectId, e.Terms.Purpose, e.Terms.RecipientOrgIds, e.Terms.DataCategories,
                e.Terms.GivenBy, e.GrantedAt, e.Terms.ExpiresAt, ConsentStatus.Expired, e.ExpiredBy, e.ExpiredAt),
            Domain.ConsentEvent.Proposed e => new Published.ConsentProposed(
                id, e.ConsentId, e.Version, e.Terms.SubjectId, e.Terms.Purpose, e.Terms.RecipientOrgIds, e.Terms.DataCategories,
                e.Terms.GivenBy, e.ProposedAt, e.Terms.ExpiresAt, ConsentStatus.Proposed, e.AnswerBy, e.Note, e.ProposedBy, e.ProposedAt),
            Domain.ConsentEvent.Accepted e => new Published.ConsentAccepted(
                id, e.ConsentId, e.Version, e.Terms.SubjectId, e.Terms.Purpose, e.Terms.RecipientOrgIds, e.Terms.DataCategories,
                e.Terms.GivenBy, e.AcceptedAt, e.Terms.ExpiresAt, ConsentStatus.Active, e.AcceptedBy, e.AcceptedAt),
            Domain.ConsentEvent.Declined e => new Published.ConsentDeclined(
                id, e.ConsentId, e.Version, e.Terms.SubjectId, e.Terms.Purpose, e.Terms.RecipientOrgIds, e.Terms.DataCategories,
                e.Terms.GivenBy, e.ProposedAt, e.Terms.ExpiresAt, ConsentStatus.Declined, e.Reason, e.DeclinedBy, e.DeclinedAt),
            // Links of young carers' sign-ins (issue 18): never the code, the sign-in by its hash only.
            Linking.LinkCodeIssued e => new Published.SubjectLinkCodeIssued(id, e.CodeId, e.SubjectId, e.ExpiresAt, e.IssuedBy, e.IssuedAt),
            Linking.SignInLinked e => new Published.SubjectLinked(id, e.CodeId, e.SubjectId, e.SignInHash, e.LinkedBy, e.LinkedAt),
            Linking.SignInUnlinked e => new Published.SubjectUnlinked(id, e.CodeId, e.SubjectId, e.SignInHash, e.UnlinkedBy, e.UnlinkedAt),
            Domain.ConsentEvent.ProxyConfirmationAsked e => new Published.ProxyConsentConfirmationAsked(
                id, e.ConsentId, e.Version, e.Terms.SubjectId, e.Terms.Purpose, e.Terms.RecipientOrgIds, e.Terms.DataCategories,
                e.Terms.GivenBy, e.GrantedAt, e.Terms.ExpiresAt, e.Status, e.AssessmentId, e.ConfirmBy, e.AskedBy, e.AskedAt),
            Domain.ConsentEvent.ProxyConfirmed e => new Published.ProxyConsentConfirmed(
                id, e.ConsentId, e.Version, e.Terms.SubjectId, e.Terms.Purpose, e.Terms.RecipientOrgIds, e.Terms.DataCategories,
                e.Terms.GivenBy, e.GrantedAt, e.Terms.ExpiresAt, e.Status, e.ConfirmedBy, e.ConfirmedAt),
            Competence.CompetenceEvent.Assessed e => new Published.CompetenceAssessed(id, e.AssessmentId, e.SubjectId, e.Purpose, e.Outcome, e.Basis, e.Note, e.AssessedBy, e.AssessedAt),
            _ => null,
        };
    }
}
