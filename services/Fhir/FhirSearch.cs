using Hl7.Fhir.Model;
using Bundle = Hl7.Fhir.Model.Bundle;

namespace ConsentPlatform.Fhir;

/// <summary>
/// One search request's parameters, checked strictly: FHIR lets a server ignore a parameter it does
/// not know, but a GP system that asked for <c>statuss=active</c> and got every consent would
/// believe a filter it never had. So every parameter must be one this search supports, given once,
/// with a valid value; anything else is 400 with an OperationOutcome naming it (as
/// <c>Prefer: handling=strict</c> asks). Paging is by offset: <c>_count</c> (1 to
/// <see cref="MaxCount"/>, default <see cref="DefaultCount"/>) and <c>_offset</c>, which the paging
/// links carry.
/// </summary>
public sealed class FhirSearchRequest
{
    public const int DefaultCount = 20;
    public const int MaxCount = 100;
    public const string Count = "_count";
    public const string Offset = "_offset";

    // _format: a client may ask for JSON this way; the facade speaks JSON only.
    private static readonly string[] JsonFormats = ["json", "application/json", "application/fhir+json"];

    private readonly List<KeyValuePair<string, string>> parameters;

    private FhirSearchRequest(List<KeyValuePair<string, string>> parameters, int count, int offset)
    {
        this.parameters = parameters;
        PageSize = count;
        PageOffset = offset;
    }

    public int PageSize { get; }

    public int PageOffset { get; }

    /// <summary>A search parameter's value, or null when the request does not give it.</summary>
    public string? this[string name] => parameters.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>Every value of a parameter that may be given more than once (a date range).</summary>
    public IReadOnlyList<string> All(string name) => [.. parameters.Where(p => p.Key == name).Select(p => p.Value)];

    public static FhirSearchRequest Parse(IQueryCollection query, IReadOnlyCollection<string> supported, IReadOnlyCollection<string>? repeatable = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(supported);
        var errors = new FieldErrors();
        var parameters = new List<KeyValuePair<string, string>>();
        int count = DefaultCount, offset = 0;
        foreach (var (name, values) in query.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            if (values.Count != 1 && !(repeatable?.Contains(name) == true && values.Count == 2))
            {
                errors.Add(name, repeatable?.Contains(name) == true ? "This search parameter may be given at most twice (a range)." : "This search parameter may be given once only.");
                continue;
            }

            foreach (var value in values.Select(v => v ?? string.Empty))
            {
                Check(name, value);
            }
        }

        errors.ThrowIfAny();
        return new FhirSearchRequest(parameters, count, offset);

        void Check(string name, string value)
        {
            switch (name)
            {
                case Count:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxCount)
                    {
                        errors.Add(name, $"_count must be a whole number from 1 to {MaxCount}.");
                    }

                    break;
                case Offset:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0)
                    {
                        errors.Add(name, "_offset must be a whole number from 0.");
                    }

                    break;
                case "_format":
                    if (!JsonFormats.Contains(value, StringComparer.OrdinalIgnoreCase)) errors.Add(name, "This server answers in FHIR JSON only (_format=json).");
                    break;
                default:
                    if (!supported.Contains(name))
                    {
                        errors.Add(name, $"This search parameter is not supported here; supported: {string.Join(", ", supported.Order(StringComparer.Ordinal))}, _count, _offset.");
                    }
                    else if (value.Length == 0)
                    {
                        errors.Add(name, "This search parameter needs a value.");
                    }
                    else
                    {
                        parameters.Add(new(name, value));
                    }

                    break;
            }
        }
    }

    /// <summary>This page of <paramref name="all"/> (already filtered and ordered).</summary>
    public IReadOnlyList<T> PageOf<T>(IReadOnlyList<T> all) => [.. all.Skip(PageOffset).Take(PageSize)];

    /// <summary>
    /// A <c>searchset</c> (or <c>history</c>) Bundle of one page of <paramref name="total"/> matches,
    /// with the paging links FHIR clients follow (<c>self</c>, <c>first</c>, <c>previous</c>,
    /// <c>next</c>, <c>last</c>), each absolute: <paramref name="pageUrl"/> with this request's
    /// parameters, <c>_count</c> and <c>_offset</c>.
    /// </summary>
    public Bundle ToBundle(Bundle.BundleType type, string pageUrl, int total, IEnumerable<Bundle.EntryComponent> entries, DateTimeOffset now)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Meta = new Meta { LastUpdated = now },
            Type = type,
            Total = total,
        };
        bundle.Link.Add(Link("self", PageOffset));
        bundle.Link.Add(Link("first", 0));
        if (PageOffset > 0) bundle.Link.Add(Link("previous", Math.Max(0, PageOffset - PageSize)));
        if (PageOffset + PageSize < total) bundle.Link.Add(Link("next", PageOffset + PageSize));
        bundle.Link.Add(Link("last", total == 0 ? 0 : (total - 1) / PageSize * PageSize));
        bundle.Entry.AddRange(entries);
        return bundle;

        Bundle.LinkComponent Link(string relation, int offset) => new() { Relation = relation, Url = $"{pageUrl}?{QueryOf(offset)}" };
    }

    /// <summary>A search match: its <c>fullUrl</c> (<c>{base}/{type}/{id}</c>) and <c>search.mode</c> match.</summary>
    public static Bundle.EntryComponent Match(string baseUrl, Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new Bundle.EntryComponent
        {
            FullUrl = $"{baseUrl}/{resource.TypeName}/{resource.Id}",
            Resource = resource,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
        };
    }

    private string QueryOf(int offset) => string.Join('&', parameters
        .Append(new(Count, PageSize.ToString(CultureInfo.InvariantCulture)))
        .Append(new(Offset, offset.ToString(CultureInfo.InvariantCulture)))
        .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
}
