namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Bad input on every write route, through the gateway: malformed JSON, wrong types, unknown
/// fields, oversized bodies and strings, ids that try path traversal, SQL, script or a Cyrillic
/// look-alike, text with a NUL, another control character or a lone surrogate in each free-text
/// field, a field given twice, a missing or wrong content type, a field name with control
/// characters, and a Host that is not ours. Each is a 4xx problem+json whose text repeats no
/// control character, and nothing is appended: the events in every Marten store and the entries
/// in the ledger are counted before and after, straight from the databases.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class InputTests(SecurityWorld world) : IClassFixture<SecurityWorld>
{
    /// <summary>Ids that are not ids: path traversal, SQL, script, and <c>LA-E2E</c> with Cyrillic 'Е's.</summary>
    private static readonly string[] HostileIds = ["../../etc/passwd", "' or 1=1 --", "<script>alert(1)</script>", "LA-\u0415\u0032\u0415"];

    /// <summary>The same, as a path segment where an id belongs (a slash encoded, so it stays inside the segment).</summary>
    private static readonly string[] HostilePathIds =
        ["..%2F..%2Fapi%2Fdsas", "'%20or%201=1%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "0198a6b2-7c1e-7d3a-9f00-0000000000\u04301"];

    /// <summary>The free-text fields of a DSA: its title, a party's name, a purpose's description (before the table, which reads it).</summary>
    private static readonly string[] DsaTextFields = ["title", "parties.0.name", "purposes.0.description"];

    /// <summary>
    /// Every write route of the brief: who calls it, what it acts on, a valid body (none for the
    /// routes that take none), a field given the wrong type, a string field and the length just
    /// over its limit, the field that holds an id, the free-text fields, the field to give twice
    /// (else the body's first) and the field name with control characters (else <c>isAdmin\n␛</c>).
    /// </summary>
    private static readonly Dictionary<string, WriteRoute> WriteRoutes = new(StringComparer.Ordinal)
    {
        ["POST /api/consents"] = new(
            "POST", "/api/consents", PlatformRoles.Practitioner, SecurityWorld.Requester, TargetKind.None,
            w => new JsonObject { ["subjectId"] = w.Subject, ["purpose"] = "p-" + Guid.NewGuid().ToString("N")[..10], ["givenBy"] = "self" },
            WrongType: ("subjectId", 42), LongString: ("subjectId", 65), IdField: "subjectId", TextFields: ["subjectId", "purpose"]),
        ["POST /api/consents/proposals"] = new(
            "POST", "/api/consents/proposals", PlatformRoles.Practitioner, SecurityWorld.Requester, TargetKind.None,
            w => new JsonObject { ["subjectId"] = w.Subject, ["purpose"] = "p-" + Guid.NewGuid().ToString("N")[..10], ["note"] = "Checked by the input tests" },
            WrongType: ("subjectId", 42), LongString: ("note", 501), IdField: "subjectId", TextFields: ["subjectId", "purpose", "note"]),
        ["POST /api/consents/{id}/decline"] = new(
            "POST", "/api/consents/{id}/decline", PlatformRoles.YoungCarer, null, TargetKind.Proposal,
            _ => new JsonObject { ["reason"] = "Checked by the input tests" },
            WrongType: ("reason", 42), LongString: ("reason", 501), TextFields: ["reason"]),
        ["POST /api/consents/{id}/pause"] = new(
            "POST", "/api/consents/{id}/pause", PlatformRoles.Practitioner, SecurityWorld.Requester, TargetKind.Consent,
            _ => new JsonObject { ["reason"] = "Checked by the input tests" },
            WrongType: ("reason", 42), LongString: ("reason", 501), TextFields: ["reason"]),
        ["POST /api/consents/{id}/resume"] = new(
            "POST", "/api/consents/{id}/resume", PlatformRoles.YoungCarer, null, TargetKind.ConsentPaused, Body: null),
        ["POST /api/consents/{id}/withdraw"] = new(
            "POST", "/api/consents/{id}/withdraw", PlatformRoles.Practitioner, SecurityWorld.Requester, TargetKind.Consent,
            _ => new JsonObject { ["reason"] = "Checked by the input tests" },
            WrongType: ("reason", 42), LongString: ("reason", 501), TextFields: ["reason"]),

        ["POST /api/dsas"] = new(
            "POST", "/api/dsas", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.None, _ => DsaBody(),
            WrongType: ("retentionDays", "ninety"), LongString: ("title", 201), IdField: "parties.0.orgId", TextFields: DsaTextFields),
        ["PUT /api/dsas/{id}"] = new(
            "PUT", "/api/dsas/{id}", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaDraft, _ => DsaBody(),
            WrongType: ("retentionDays", "ninety"), LongString: ("title", 201), IdField: "parties.0.orgId", TextFields: DsaTextFields),
        ["POST /api/dsas/{id}/activate"] = new(
            "POST", "/api/dsas/{id}/activate", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaDraft, Body: null),
        // Its body holds one number (the version signed): no text for the string attacks; a wrong or missing version is 400/409 (DsaRegistry.Tests, SigningTests).
        ["POST /api/dsas/{id}/sign"] = new(
            "POST", "/api/dsas/{id}/sign", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaDraft, Body: null),
        ["POST /api/dsas/{id}/suspend"] = new(
            "POST", "/api/dsas/{id}/suspend", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaActive,
            _ => new JsonObject { ["reason"] = "Checked by the input tests" },
            WrongType: ("reason", true), LongString: ("reason", 1001), TextFields: ["reason"]),
        ["POST /api/dsas/{id}/reinstate"] = new(
            "POST", "/api/dsas/{id}/reinstate", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaSuspended, Body: null),
        ["POST /api/dsas/{id}/terminate"] = new(
            "POST", "/api/dsas/{id}/terminate", PlatformRoles.IgOfficer, SecurityWorld.Holder, TargetKind.DsaActive,
            _ => new JsonObject { ["reason"] = "Checked by the input tests" },
            WrongType: ("reason", true), LongString: ("reason", 1001), TextFields: ["reason"]),

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
            WrongType: ("dataCategories", "caring.role"), LongString: ("justification", 2001), IdField: "holderOrgId", TextFields: ["justification", "subjectId"],
            // The issue's own case: the first copy says safeguarding, the last says consent.
            Duplicate: ("basis", "safeguarding")),
        ["POST /api/disclosures/{id}/approve-override"] = new(
            "POST", "/api/disclosures/{id}/approve-override", PlatformRoles.SafeguardingLead, SecurityWorld.Holder, TargetKind.Awaiting,
            _ => new JsonObject { ["rationale"] = "Risk of neglect: checked by the input tests." },
            WrongType: ("rationale", new JsonObject()), LongString: ("rationale", 2001), TextFields: ["rationale"]),
        // The data is any JSON per category, so the "string" that is too long here is a category
        // key (over the 64 characters of the vocabulary): outside the approval, 422, nothing stored.
        // Likewise the name with a control character is a category key, "caring.role\n": 422, and
        // its detail must not repeat the line feed. The body is read by hand, not bound: a repeated
        // field is named "$", the whole body.
        ["POST /api/disclosures/{id}/release"] = new(
            "POST", "/api/disclosures/{id}/release", PlatformRoles.Practitioner, SecurityWorld.Holder, TargetKind.Approved,
            _ => new JsonObject { ["data"] = new JsonObject { ["caring.role"] = "Looks after a parent" } },
            WrongType: ("data", new JsonArray("caring.role")), LongString: ("data." + new string('c', 65), 10), LongStringStatus: 422,
            TextFields: ["data.caring.role"], Duplicate: ("data", new JsonObject { ["caring.role"] = "Looks after a parent" }), DuplicateErrorKey: "$",
            ControlName: "data.caring.role\n", ControlNameStatus: 422),
        // Issue 20: a competence assessment of a young person, by a practitioner of a party to the agreement.
        ["POST /api/subjects/{subjectId}/competence"] = new(
            "POST", "/api/subjects/yc-input-tests/competence", PlatformRoles.Practitioner, SecurityWorld.Requester, TargetKind.None,
            _ => new JsonObject { ["purpose"] = "school-support", ["outcome"] = "not-yet-competent", ["basis"] = "gillick", ["note"] = "Checked by the input tests" },
            WrongType: ("outcome", 42), LongString: ("note", 501), IdField: "purpose", TextFields: ["note"]),
        // Issue 20: the holder's Caldicott guardian reviews an approved override; a safeguarding lead delays telling the young person.
        ["POST /api/disclosures/{id}/override-review"] = new(
            "POST", "/api/disclosures/{id}/override-review", PlatformRoles.CaldicottGuardian, SecurityWorld.Holder, TargetKind.OverrideApproved,
            _ => new JsonObject { ["outcome"] = "upheld", ["rationale"] = "Justified: checked by the input tests." },
            WrongType: ("outcome", 42), LongString: ("rationale", 2001), TextFields: ["rationale"]),
        ["POST /api/disclosures/{id}/notice-delay"] = new(
            "POST", "/api/disclosures/{id}/notice-delay", PlatformRoles.SafeguardingLead, SecurityWorld.Holder, TargetKind.OverrideApproved,
            _ => new JsonObject { ["until"] = DateTimeOffset.UtcNow.AddDays(2).ToString("O"), ["reason"] = "A parent reads the phone: checked by the input tests." },
            WrongType: ("until", 42), LongString: ("reason", 2001), TextFields: ["reason"]),
        // Issue 20: the recipient's answer to a deletion request.
        ["POST /api/disclosures/{id}/deletion"] = new(
            "POST", "/api/disclosures/{id}/deletion", PlatformRoles.Practitioner, SecurityWorld.Requester, TargetKind.DeletionAsked,
            _ => new JsonObject { ["outcome"] = "retained", ["reason"] = "Kept by law: checked by the input tests." },
            WrongType: ("outcome", 42), LongString: ("reason", 2001), TextFields: ["reason"]),
    };

    /// <summary>Text the one rule refuses (services/Hosting, FreeText), by name; a lone surrogate cannot be written by a JSON writer, so it is spliced in as an escape.</summary>
    private static readonly Dictionary<Attack, string> RefusedText = new()
    {
        [Attack.NulInText] = @"before\u0000after",
        [Attack.ControlInText] = @"\u001b[31mred\u001b[0m",
        [Attack.UnpairedSurrogate] = @"half\ud800a pair",
    };

    private const string Splice = "@@refused-text@@";

    private enum Attack
    {
        MalformedJson,
        WrongType,
        UnknownField,
        OversizedBody,
        OversizedString,
        NulInText,
        ControlInText,
        UnpairedSurrogate,
        DuplicateField,
        NoContentType,
        WrongContentType,
        ControlInName,
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

    public static TheoryData<string> AllWriteRoutes() => new(WriteRoutes.Keys);

    [Theory]
    [MemberData(nameof(BodyAttacks))]
    public async Task Bad_body_is_4xx_problem_and_appends_nothing(string route, string attack)
    {
        var spec = WriteRoutes[route];
        var target = await world.OwnTargetAsync(spec.Target, fresh: false);
        var valid = spec.Body!(world);
        var path = spec.Path.Replace("{id}", target, StringComparison.Ordinal);
        var kind = Enum.Parse<Attack>(attack);
        if (RefusedText.TryGetValue(kind, out var text))
        {
            // Each free-text field in turn: 400 naming that field (a DSA party's name is parties[0].name).
            Assert.NotEmpty(spec.TextFields ?? []);
            foreach (var field in spec.TextFields!)
            {
                var spliced = With(valid, field, Splice).ToJsonString().Replace(Splice, text, StringComparison.Ordinal);
                await AssertRefusedAndNothingAppendedAsync(spec, path, spliced, HttpStatusCode.BadRequest, errorField: ErrorKey(field));
            }

            return;
        }

        switch (kind)
        {
            case Attack.DuplicateField:
                var (field, first) = spec.Duplicate ?? (valid.First().Key, valid.First().Value!);
                var repeated = $"{{\"{field}\":{Node(first).ToJsonString()},{valid.ToJsonString()[1..]}";
                await AssertRefusedAndNothingAppendedAsync(spec, path, repeated, HttpStatusCode.BadRequest, errorField: spec.DuplicateErrorKey ?? field);
                return;
            case Attack.NoContentType:
                await AssertRefusedAndNothingAppendedAsync(spec, path, valid.ToJsonString(), HttpStatusCode.UnsupportedMediaType, contentType: null);
                return;
            case Attack.WrongContentType:
                await AssertRefusedAndNothingAppendedAsync(spec, path, valid.ToJsonString(), HttpStatusCode.UnsupportedMediaType, contentType: "text/plain");
                return;
            case Attack.ControlInName:
                var named = With(valid, spec.ControlName, true).ToJsonString();
                var problem = await AssertRefusedAndNothingAppendedAsync(spec, path, named, (HttpStatusCode)spec.ControlNameStatus);
                // The name is repeated (as the unknown field, or the category outside the approval), escaped.
                Assert.Contains(Strings(problem), t => t.Contains(@"\u000A", StringComparison.Ordinal));
                return;
        }

        var (body, expected) = kind switch
        {
            Attack.MalformedJson => (valid.ToJsonString()[..^2], HttpStatusCode.BadRequest),
            Attack.WrongType => (With(valid, spec.WrongType!.Value.Field, Node(spec.WrongType.Value.Value)).ToJsonString(), HttpStatusCode.BadRequest),
            Attack.UnknownField => (With(valid, "isAdmin", true).ToJsonString(), HttpStatusCode.BadRequest),
            Attack.OversizedBody => (With(valid, "padding", new string('x', 70 * 1024)).ToJsonString(), HttpStatusCode.RequestEntityTooLarge),
            Attack.OversizedString => (With(valid, spec.LongString!.Value.Field, new string('a', spec.LongString.Value.Length)).ToJsonString(), (HttpStatusCode)spec.LongStringStatus),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, null),
        };

        await AssertRefusedAndNothingAppendedAsync(spec, path, body, expected);
    }

    /// <summary>
    /// A Host that is not ours is refused at the gateway before anything is routed: the portal
    /// behind it builds redirects from that host, so <c>Host: evil.example</c> must never get that far.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllWriteRoutes))]
    public async Task Foreign_host_is_400_problem_and_appends_nothing(string route)
    {
        var spec = WriteRoutes[route];
        var target = await world.OwnTargetAsync(spec.Target, fresh: false);
        var body = spec.Body?.Invoke(world).ToJsonString();

        await AssertRefusedAndNothingAppendedAsync(spec, spec.Path.Replace("{id}", target, StringComparison.Ordinal), body, HttpStatusCode.BadRequest, host: "evil.example", fieldErrors: false);
    }

    /// <summary>The portal's pages (behind the gateway at <c>/</c>) with a foreign Host: 400 problem, and no redirect names that host.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in?ReturnUrl=%2Fyoung-carer")]
    [InlineData("/young-carer")]
    public async Task Foreign_host_never_reaches_the_portal_so_no_redirect_names_it(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = world.Platform.Gateway.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
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

    /// <summary>
    /// Sends <paramref name="body"/> (as <paramref name="contentType"/>, none when null) and checks
    /// the refusal: the status, problem+json, field errors on a 400 with a body (naming
    /// <paramref name="errorField"/> when given), no control character anywhere in the problem's
    /// text, and the same counts in every store and the ledger afterwards.
    /// </summary>
    private async Task<JsonNode> AssertRefusedAndNothingAppendedAsync(
        WriteRoute spec, string path, string? body, HttpStatusCode expected,
        string? contentType = "application/json", string? host = null, string? errorField = null, bool fieldErrors = true)
    {
        var ct = TestContext.Current.CancellationToken;
        var stores = new Stores(world.Platform);
        var before = await stores.WaitUntilLedgerCaughtUpAsync(TimeSpan.FromSeconds(30));
        var client = await CallerAsync(spec);

        using var response = await SendAsync(client, spec.Method, path, body, ct, contentType, host);
        var text = await response.Content.ReadAsStringAsync(ct);

        Assert.True(response.StatusCode == expected, $"{spec.Method} {path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)expected, (int)problem["status"]!);
        if (expected == HttpStatusCode.BadRequest && body is not null && fieldErrors) Assert.NotNull(problem["errors"]);
        if (errorField is not null)
        {
            Assert.True(problem["errors"]?.AsObject().ContainsKey(errorField) == true, $"{spec.Method} {path}: the errors should name {errorField}: {text}");
        }

        foreach (var value in Strings(problem))
        {
            Assert.False(value.Any(char.IsControl), $"{spec.Method} {path}: the problem repeats a control character: {text}");
        }

        var after = await stores.CountAsync();
        Assert.Equal(before.ToString(), after.ToString());
        return problem;
    }

    /// <summary>Every property name and string value in the document, decoded.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>A dotted table path as the services name the field: <c>parties.0.name</c> is <c>parties[0].name</c>.</summary>
    private static string ErrorKey(string path) => Regex.Replace(path, @"\.(\d+)(?=\.|$)", "[$1]");

    private Task<HttpClient> CallerAsync(WriteRoute spec) =>
        world.SharedClientAsync(spec.Role, spec.Org, spec.Role == PlatformRoles.YoungCarer ? world.Subject : null);

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, string method, string path, string? body, CancellationToken ct, string? contentType = "application/json", string? host = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (host is not null) request.Headers.Host = host;
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
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
        JsonNode node => node.DeepClone(),
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
        int LongStringStatus = 400,
        string[]? TextFields = null,
        (string Field, object First)? Duplicate = null,
        string? DuplicateErrorKey = null,
        string ControlName = "isAdmin\n\u001b",
        int ControlNameStatus = 400);
}
