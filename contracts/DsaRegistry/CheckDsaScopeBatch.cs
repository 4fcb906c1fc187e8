namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// Several live scope checks asked at once (issue 23), answered with one <see cref="DsaScopeBatchResult"/>.
/// Each check is judged exactly as a lone <see cref="CheckDsaScope"/> would be, at its own
/// <see cref="CheckDsaScope.At"/>.
/// </summary>
public sealed record CheckDsaScopeBatch(IReadOnlyList<CheckDsaScope> Checks);
