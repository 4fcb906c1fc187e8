namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// Several live consent checks asked at once (issue 23): the checks a disclosure service had waiting
/// at one instant, sent as one message and answered with one <see cref="ConsentCheckBatchResult"/>.
/// Each check is judged exactly as a lone <see cref="CheckConsent"/> would be, at its own
/// <see cref="CheckConsent.At"/>.
/// </summary>
public sealed record CheckConsentBatch(IReadOnlyList<CheckConsent> Checks);
