namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// Issue 20: the consent a package was shared under was withdrawn after the recipient had read it.
/// What was read cannot be un-read, so the recipient organisation (<see cref="RequesterOrgId"/>) is
/// asked to delete its copy and to answer by <see cref="AnswerBy"/> (<see cref="DeletionAnswered"/>).
/// </summary>
public sealed record DeletionRequested(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    Guid ConsentId,
    DateTimeOffset AnswerBy,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
