namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// Reads an entry's data back as the contract it was ledgered from (by its event type), for the
/// views built on the ledger: transparency, stats and replay. Null for a type this build does not know.
/// </summary>
public static class LedgerEvents
{
    private static readonly Dictionary<string, Type> ByName = typeof(IPlatformEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPlatformEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static IPlatformEvent? Read(string eventType, JsonElement data) =>
        ByName.TryGetValue(eventType, out var type) ? (IPlatformEvent?)data.Deserialize(type, AuditJson.Data) : null;

    public static string NameOf<T>() where T : IPlatformEvent => typeof(T).Name;
}
