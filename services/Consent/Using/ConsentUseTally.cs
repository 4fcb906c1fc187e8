namespace ConsentPlatform.Consent.Using;

/// <summary>How many times a consent was used, and the latest use (by when it happened, not when it arrived), if any.</summary>
public sealed record ConsentUseTally(int Count, ConsentUse? Last)
{
    public static ConsentUseTally None { get; } = new(0, null);

    public static async Task<ConsentUseTally> OfAsync(IQuerySession session, Guid consentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var count = await session.Query<ConsentUse>().CountAsync(u => u.ConsentId == consentId, cancellationToken);
        if (count == 0) return None;
        var last = await session.Query<ConsentUse>()
            .Where(u => u.ConsentId == consentId)
            .OrderByDescending(u => u.UsedAt)
            .ThenByDescending(u => u.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new ConsentUseTally(count, last);
    }
}
