namespace ConsentPlatform.Audit.Stats;

/// <summary>
/// A period's raw counts, read from the ledger by the events' own <c>occurredAt</c> (never by when
/// they were recorded): each disclosure's final decision (approved or denied) by purpose,
/// requesting organisation and outcome, a denial's reasons, safeguarding overrides approved and the
/// Caldicott guardians' reviews. Streams the (event type, occurredAt) index; keeps counts only.
/// </summary>
public static class PeriodLedger
{
    private static readonly string[] Types =
        [nameof(DisclosureApproved), nameof(DisclosureDenied), nameof(SafeguardingOverrideApproved), nameof(OverrideReviewed)];

    public static async Task<PeriodCounts> CountAsync(LedgerDatabase database, ReportingPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(period);
        var counts = new PeriodCounts();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            select event_type, canonical from audit.ledger
            where event_type = any(@types) and occurred_at >= @start and occurred_at < @end
            """,
            connection);
        command.Parameters.AddWithValue("types", Types);
        command.Parameters.Add(new NpgsqlParameter("start", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = period.Start.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter("end", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = period.End.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var data = CanonicalEntry.ParseData(reader.GetFieldValue<byte[]>(1));
            var root = data.RootElement;
            switch (reader.GetString(0))
            {
                case nameof(OverrideReviewed) when Text(root, "outcome") == "upheld":
                    counts.ReviewsUpheld++;
                    break;
                case nameof(OverrideReviewed):
                    counts.ReviewsNotUpheld++;
                    break;
                case nameof(SafeguardingOverrideApproved):
                    counts.Overrides++;
                    break;
                case var type:
                    var approved = type == nameof(DisclosureApproved);
                    counts.AddDecision(Text(root, "purpose"), Text(root, "requesterOrgId"), approved);
                    if (!approved && root.TryGetProperty("decision", out var decision) && decision.TryGetProperty("reasons", out var reasons))
                    {
                        foreach (var reason in reasons.EnumerateArray()) counts.AddDenialReason(Text(reason, "code"));
                    }

                    break;
            }
        }

        return counts;
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "unknown";
}
