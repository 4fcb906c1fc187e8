namespace ConsentPlatform.Disclosure.Api;

/// <summary>The disclosure service's state as the API's <see cref="DisclosureResponse"/> (the record is declared once, in <c>services/ApiContracts</c>, where the portal reads it too).</summary>
public static class DisclosureResponses
{
    extension(DisclosureResponse)
    {
        public static DisclosureResponse From(DisclosureState state)
        {
            ArgumentNullException.ThrowIfNull(state);
            var request = state.Request;
            return new DisclosureResponse(
                state.Id, request.SubjectId, request.Purpose, request.RequesterOrgId, request.HolderOrgId, request.DataCategories,
                request.Basis, request.Justification, state.Status, state.Decision, state.LastCheck, state.RequestedBy.UserId, state.RequestedAt,
                state.Approval is { } a ? new OverrideResponse(a.ApprovedBy, a.ApprovedByOrgId, a.ApprovedAt) : null,
                state.ReleasedAt, state.ReleasedAt is null ? null : state.ReleasedCategories, state.AvailableUntil,
                state.Reads, state.LastReadAt, state.PurgedAt, state.Version, state.Blocked, state.DestroyedAt, state.Deletion, state.Review, state.NoticeDelay);
        }
    }
}
