using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.TestSupport.Processes;
using Xunit;

namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Bad input on every write route, through the gateway: malformed JSON, wrong types, unknown
/// fields, oversized bodies and strings, and ids that try path traversal, SQL, script or a
/// Cyrillic look-alike. Each is a 4xx problem+json, and nothing is appended: the events in every
/// Marten store and the entries in the ledger are counted before and after, straight from the databases.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class InputTests(SecurityWorld world) : IClassFixture<SecurityWorld>
{
    /// <summary>Ids that are not ids: path traversal, SQL, script, and <c>LA-E2E</c> with Cyrillic 'Е's.</summary>
    private static readonly string[] HostileIds = ["../../etc/passwd", "' or 1=1 --", "<script>alert(1)</script>", "LA-\u0415\u0032\u0415"];

    /// <summary>The same, as a path segment where an id belongs (a slash encoded, so it stays inside the segment).</summary>
    private static readonly string[] HostilePathIds =
        ["..%2F..%2Fapi%2Fdsas", "'%20or%201=1%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "0198a6b2-7c1e-7d3a-9f00-0000000000\u04301"];

    /// <summary>
    /// Every write route of the brief: who calls it, what it acts on, a valid body (none for the
    /// routes that take none), a field given the wrong type, a string field and the length just
    /// over its limit, and the field that holds an id.
    /// </summary>
    private static readonly Dictionary<string, WriteRoute> WriteRoutes = new(StringComparer.Ordinal)
    {
        ["POST /api/consents"] = new(
            "POST", "/api/consents", PlatformRoles.Practitioner, SecurityWorld.Requester, TargetKind.None,
            w => new JsonObject { ["subjectId"] = w.Subject, ["purpose"] = "p-" + Guid.NewGuid().ToString("N")[..10], ["givenBy"] = "self" },
            WrongType: ("subjectId", 42), LongString: ("subjectId", 65), IdField: "subjectId"),
        ["POST /api/consents/{id}/pause"] = new(
            "POST", "/api/consents/{id}/pause", PlatformRoles.Practitioner, SecurityWorld.Requester, TargetKind.Consent,
            _ => new JsonObject { ["reason"] = "Checked by the input tests" },
            WrongType: ("reason", 42), LongString: ("reason", 501)),
        ["POST /api/consents/{id}/resume"] = new(
            "POST", "/api/consents/{id}/resume", PlatformRoles.YoungCarer, null, TargetKind.ConsentPaused, Body: null),
        ["POST /api/consents/{id}/withdraw"] = new(
            "POST", "/api/consents/{id}/withdraw", PlatformRoles.Practitioner, SecurityWorld.Requester, TargetKind.Consent,
            _ => new JsonObject { ["reason"] = "Checked by the input tests" },
            WrongType: ("reason", 42), LongString: ("reason", 501)),

        ["POST /api/dsas"] = new(
            "POST", "/api/dsas", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.None, _ => DsaBody(),
            WrongType: ("retentionDays", "ninety"), LongString: ("title", 201), IdField: "parties.0.orgId"),
        ["PUT /api/dsas/{id}"] = new(
            "PUT", "/api/dsas/{id}", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaDraft, _ => DsaBody(),
            WrongType: ("retentionDays", "ninety"), LongString: ("title", 201), IdField: "parties.0.orgId"),
        ["POST /api/dsas/{id}/activate"] = new(
            "POST", "/api/dsas/{id}/activate", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaDraft, Body: null),
        ["POST /api/dsas/{id}/suspend"] = new(
            "POST", "/api/dsas/{id}/suspend", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaActive,
            _ => new JsonObject { ["reason"] = "Checked by the input tests" },
            WrongType: ("reason", true), LongString: ("reason", 1001)),
        ["POST /api/dsas/{id}/reinstate"] = new(
            "POST", "/api/dsas/{id}/reinstate", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaSuspended, Body: null),
        ["POST /api/dsas/{id}/terminate"] = new(
            "POST", "/api/dsas/{id}/terminate", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaActive,
            _ => new JsonObject { ["reason"] = "Checked by the input tests" },
            WrongType: ("reason", true), LongString: ("reason", 1001)),

        ["POST /api/disclosures"] = new(
            "POST", "/api/disclosures", PlatformRoles.Practitioner, SecurityWorld.Requester, TargetKind.None,
            w => new JsonObject
            {
                ["subjectId"] = w.Subject,
                ["purpose"] = "school-support",
                ["holderOrgId"] = SecurityWorld.Holder,
                ["dataCategories"] = new JsonArray("caring.role"),
                ["basis"] = "consent",
            },
            WrongType: ("dataCategories", "caring.role"), LongString: ("justification", 2001), IdField: "holderOrgId"),
        ["POST /api/disclosures/{id}/approve-override"] = new(
            "POST", "/api/disclosures/{id}/approve-override", PlatformRoles.SafeguardingLead, SecurityWorld.Holder, TargetKind.Awaiting,
            _ => new JsonObject { ["rationale"] = "Risk of neglect: checked by the input tests." },
            WrongType: ("rationale", new JsonObject()), LongString: ("rationale", 2001)),
        // The data is any JSON per category, so the "string" that is too long here is a category
        // key (over the 64 characters of the vocabulary): outside the approval, 422, nothing stored.
        ["POST /api/disclosures/{id}/release"] = new(
            "POST", "/api/disclosures/{id}/release", PlatformRoles.Practitioner, SecurityWorld.Holder, TargetKind.Approved,
            _ => new JsonObject { ["data"] = new JsonObject { ["caring.role"] = "Looks after a parent" } },
            WrongType: ("data", new JsonArray("caring.role")), LongString: ("data." + new string('c', 65), 10), LongStringStatus: 422),
    };

    private enum Attack
    {
        MalformedJson,
        WrongType,
        UnknownField,
        OversizedBody,
        OversizedString,
    }

    public static TheoryData<string, string> BodyAttacks()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, spec) in WriteRoutes.Where(r => r.Value.Body is not null))
        {
            foreach (var attack in Enum.GetNames<Attack>()) data.Add(route, attack);
        }

        return data;
    }

    public static TheoryData<string, string> BodyIdAttacks()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, _) in WriteRoutes.Where(r => r.Value.IdField is not null))
        {
            foreach (var id in HostileIds) data.Add(route, id);
        }

        return data;
    }

    public static TheoryData<string, string> PathIdAttacks()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, _) in WriteRoutes.Where(r => r.Value.Path.Contains("{id}", StringComparison.Ordinal)))
        {
            foreach (var id in HostilePathIds) data.Add(route, id);
        }

        return data;
    }

    public static TheoryData<string> BodyRoutes() => new(WriteRoutes.Where(r => r.Value.Body is not null).Select(r => r.Key));

    [Theory]
    [MemberData(nameof(BodyAttacks))]
    public async Task Bad_body_is_4xx_problem_and_appends_nothing(string route, string attack)
    {
        var spec = WriteRoutes[route];
        var target = await world.OwnTargetAsync(spec.Target, fresh: false);
        var valid = spec.Body!(world);
        var (body, expected) = Enum.Parse<Attack>(attack) switch
        {
            Attack.MalformedJson => (valid.ToJsonString()[..^2], HttpStatusCode.BadRequest),
            Attack.WrongType => (With(valid, spec.WrongType!.Value.Field, Node(spec.WrongType.Value.Value)).ToJsonString(), HttpStatusCode.BadRequest),
            Attack.UnknownField => (With(valid, "isAdmin", true).ToJsonString(), HttpStatusCode.BadRequest),
            Attack.OversizedBody => (With(valid, "padding", new string('x', 70 * 1024)).ToJsonString(), HttpStatusCode.RequestEntityTooLarge),
            Attack.OversizedString => (With(valid, spec.LongString!.Value.Field, new string('a', spec.LongString.Value.Length)).ToJsonString(), (HttpStatusCode)spec.LongStringStatus),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, null),
        };

        await AssertRefusedAndNothingAppendedAsync(spec, spec.Path.Replace("{id}", target, StringComparison.Ordinal), body, expected);
    }

    [Theory]
    [MemberData(nameof(BodyIdAttacks))]
    public async Task Hostile_id_in_the_body_is_400_problem_and_appends_nothing(string route, string id)
    {
        var spec = WriteRoutes[route];
        var target = await world.OwnTargetAsync(spec.Target, fresh: false);
        var body = With(spec.Body!(world), spec.IdField!, id).ToJsonString();

        await AssertRefusedAndNothingAppendedAsync(spec, spec.Path.Replace("{id}", target, StringComparison.Ordinal), body, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(PathIdAttacks))]
    public async Task Hostile_id_in_the_path_is_404_problem_and_appends_nothing(string route, string id)
    {
        var spec = WriteRoutes[route];
        var body = spec.Body?.Invoke(world).ToJsonString();

        // Not a route the service has (its ids are GUIDs): 404, as for any unknown resource.
        await AssertRefusedAndNothingAppendedAsync(spec, spec.Path.Replace("{id}", id, StringComparison.Ordinal), body, HttpStatusCode.NotFound);
    }

    /// <summary>The valid body of each route is accepted (and appends), so each refusal above is about the one thing changed.</summary>
    [Theory]
    [MemberData(nameof(BodyRoutes))]
    public async Task Valid_body_is_accepted_so_the_refusals_are_about_the_bad_input(string route)
    {
        var ct = TestContext.Current.CancellationToken;
        var spec = WriteRoutes[route];
        var target = await world.OwnTargetAsync(spec.Target, fresh: true);
        var stores = new Stores(world.Platform);
        var before = await stores.CountAsync();
        var client = await CallerAsync(spec);

        using var response = await SendAsync(client, spec.Method, spec.Path.Replace("{id}", target, StringComparison.Ordinal), spec.Body!(world).ToJsonString(), ct);

        Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        Assert.True((await stores.CountAsync()).Committed > before.Committed);
    }

    private async Task AssertRefusedAndNothingAppendedAsync(WriteRoute spec, string path, string? body, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new Stores(world.Platform);
        var before = await stores.WaitUntilLedgerCaughtUpAsync(TimeSpan.FromSeconds(30));
        var client = await CallerAsync(spec);

        using var response = await SendAsync(client, spec.Method, path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        Assert.True(response.StatusCode == expected, $"{spec.Method} {path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)expected, (int)problem["status"]!);
        if (expected == HttpStatusCode.BadRequest && body is not null) Assert.NotNull(problem["errors"]);

        var after = await stores.CountAsync();
        Assert.Equal(before.ToString(), after.ToString());
    }

    private Task<HttpClient> CallerAsync(WriteRoute spec) =>
        world.SharedClientAsync(spec.Role, spec.Org, spec.Role == PlatformRoles.YoungCarer ? world.Subject : null);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return await client.SendAsync(request, ct);
    }

    /// <summary>A copy of <paramref name="body"/> with the field at a dotted path (<c>parties.0.orgId</c>) set to <paramref name="value"/>.</summary>
    private static JsonObject With(JsonObject body, string path, JsonNode? value)
    {
        var copy = (JsonObject)body.DeepClone();
        var parts = path.Split('.', 2);
        if (parts.Length == 2 && copy[parts[0]] is JsonNode inner)
        {
            var rest = parts[1].Split('.', 2);
            if (inner is JsonArray array && int.TryParse(rest[0], out var index))
            {
                var element = (JsonObject)array[index]!;
                element[rest[1]] = value?.DeepClone();
                return copy;
            }

            if (inner is JsonObject nested)
            {
                nested[parts[1]] = value?.DeepClone();
                return copy;
            }
        }

        copy[path] = value?.DeepClone();
        return copy;
    }

    private static JsonNode Node(object value) => value switch
    {
        JsonNode node => node,
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        bool b => JsonValue.Create(b),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    private static JsonObject DsaBody() =>
        JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Scenario.SchoolSupportDsa("Input tests"), System.Text.Json.JsonSerializerOptions.Web))!.AsObject();

    private sealed record WriteRoute(
        string Method,
        string Path,
        string Role,
        string? Org,
        TargetKind Target,
        Func<SecurityWorld, JsonObject>? Body,
        (string Field, object Value)? WrongType = null,
        (string Field, int Length)? LongString = null,
        string? IdField = null,
        int LongStringStatus = 400);
}
