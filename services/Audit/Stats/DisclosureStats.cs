using System.Text.Json;
using System.Text.Json.Nodes;
using ConsentPlatform.Audit.Http;
using ConsentPlatform.Audit.Ledger;
using ConsentPlatform.Contracts.Disclosure;
using ConsentPlatform.Hosting.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace ConsentPlatform.Audit.Stats;

/// <summary>The four counts of a group; each is a number from 5 up, or the string <c>"&lt;5"</c>.</summary>
public sealed record Counts(JsonNode Requests, JsonNode Approvals, JsonNode Denials, JsonNode Overrides);

/// <summary>
/// Numbers without names for a period: totals, denials by reason, and the counts by purpose and by
/// requesting organisation. No subject id appears anywhere.
/// </summary>
public sealed record StatsResponse(
    DateTimeOffset? From,
    DateTimeOffset? To,
    Counts Total,
    IReadOnlyDictionary<string, JsonNode> DenialsByReason,
    IReadOnlyDictionary<string, Counts> ByPurpose,
    IReadOnlyDictionary<string, Counts> ByOrg,
    int SuppressionThreshold,
    IReadOnlyDictionary<string, JsonNode>? OverrideReviews = null);

/// <summary>
/// <c>GET /api/audit/stats?from=&amp;to=</c> (Auditor): counts of requests, approvals, denials (and
/// denials by reason) and safeguarding overrides, by purpose and by requesting organisation, and
/// (issue 20) the Caldicott guardians' override reviews by outcome, over
/// events whose <c>occurredAt</c> is in [from, to). Small-number suppression: any count below 5,
/// zero included, is shown as <c>"&lt;5"</c>, so that no young person can be singled out.
/// Streams the period's disclosure entries through the (event type, occurredAt) index; keeps counts only.
/// </summary>
public static class DisclosureStatsEndpoint
{
    public const int Threshold = 5;
    public const string Suppressed = "<5";

    private static readonly string[] Types =
        [nameof(DisclosureRequested), nameof(DisclosureApproved), nameof(DisclosureDenied), nameof(SafeguardingOverrideApproved), nameof(OverrideReviewed)];

    public static RouteGroupBuilder MapDisclosureStats(this RouteGroupBuilder group)
    {
        group.MapGet("/stats", HandleAsync)
            .WithName("DisclosureStats")
            .RequireAuthorization(PlatformRoles.Auditor)
            .ProducesValidationProblem();
        return group;
    }

    public static async Task<Ok<StatsResponse>> HandleAsync(DateTimeOffset? from, DateTimeOffset? to, LedgerDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        new QueryValidation().Range(from, to).ThrowIfAny();

        var total = new Tally();
        var byPurpose = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byOrg = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var byReason = new SortedDictionary<string, long>(StringComparer.Ordinal);
        // Issue 20: the Caldicott guardians' findings on overrides, by outcome (suppressed like every count).
        var reviews = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["not-upheld"] = 0, ["upheld"] = 0 };

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            select event_type, canonical from audit.ledger
            where event_type = any(@types)
              and (@from::timestamptz is null or occurred_at >= @from)
              and (@to::timestamptz is null or occurred_at < @to)
            """,
            connection);
        command.Parameters.AddWithValue("types", Types);
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)from?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)to?.ToUniversalTime() ?? DBNull.Value });
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                using var data = CanonicalEntry.ParseData(reader.GetFieldValue<byte[]>(1));
                var root = data.RootElement;
                if (reader.GetString(0) == nameof(OverrideReviewed))
                {
                    var outcome = Text(root, "outcome");
                    reviews[outcome] = reviews.GetValueOrDefault(outcome) + 1;
                    continue;
                }

                var purpose = Text(root, "purpose");
                var org = Text(root, "requesterOrgId");
                Action<Tally> count = reader.GetString(0) switch
                {
                    nameof(DisclosureRequested) => t => t.Requests++,
                    nameof(DisclosureApproved) => t => t.Approvals++,
                    nameof(DisclosureDenied) => t => t.Denials++,
                    _ => t => t.Overrides++,
                };
                count(total);
                count(For(byPurpose, purpose));
                count(For(byOrg, org));
                if (reader.GetString(0) == nameof(DisclosureDenied) && root.TryGetProperty("decision", out var decision) && decision.TryGetProperty("reasons", out var reasons))
                {
                    foreach (var reason in reasons.EnumerateArray())
                    {
                        var code = Text(reason, "code");
                        byReason[code] = byReason.GetValueOrDefault(code) + 1;
                    }
                }
            }
        }

        return TypedResults.Ok(new StatsResponse(
            from,
            to,
            total.Suppress(),
            byReason.ToDictionary(r => r.Key, r => Suppress(r.Value), StringComparer.Ordinal),
            byPurpose.ToDictionary(p => p.Key, p => p.Value.Suppress(), StringComparer.Ordinal),
            byOrg.ToDictionary(o => o.Key, o => o.Value.Suppress(), StringComparer.Ordinal),
            Threshold,
            reviews.ToDictionary(r => r.Key, r => Suppress(r.Value), StringComparer.Ordinal)));
    }

    /// <summary>A count as shown: the number from <see cref="Threshold"/> up, otherwise <c>"&lt;5"</c>.</summary>
    public static JsonNode Suppress(long count) => count >= Threshold ? JsonValue.Create(count) : JsonValue.Create(Suppressed);

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "unknown";

    private static Tally For(SortedDictionary<string, Tally> groups, string key)
    {
        if (!groups.TryGetValue(key, out var tally)) groups[key] = tally = new Tally();
        return tally;
    }

    private sealed class Tally
    {
        public long Requests { get; set; }
        public long Approvals { get; set; }
        public long Denials { get; set; }
        public long Overrides { get; set; }

        public Counts Suppress() => new(DisclosureStatsEndpoint.Suppress(Requests), DisclosureStatsEndpoint.Suppress(Approvals), DisclosureStatsEndpoint.Suppress(Denials), DisclosureStatsEndpoint.Suppress(Overrides));
    }
}
