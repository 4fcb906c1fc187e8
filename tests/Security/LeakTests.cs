namespace ConsentPlatform.Security.Tests;

/// <summary>
/// A package with a distinctive plaintext marker goes through the real flow (request, approval,
/// release, read); the marker may then be read by the requester's practitioner and nowhere else:
/// not in another response, an error, a log file, a ledger entry or an event, and in the
/// disclosure database only as ciphertext. Errors carry no stack trace.
/// (That the dev-token endpoint does not exist outside local mode is proven against the real
/// gateway in tests/Gateway.Tests/EntraModeTests.cs, <c>Dev_token_endpoint_does_not_exist</c>.)
/// </summary>
public sealed class LeakTests(LeakWorld world) : IClassFixture<LeakWorld>
{
    [Fact]
    public void The_requester_reads_the_marker_so_the_searches_below_look_for_something_that_exists()
    {
        Assert.Contains(LeakWorld.Marker, world.PackageBody, StringComparison.Ordinal);
    }

    [Fact]
    public void No_error_response_carries_a_stack_trace_or_the_payload()
    {
        Assert.NotEmpty(world.Errors);
        Assert.All(world.Errors, error =>
        {
            Assert.True(error.Status >= 400, $"{error.Request} answered {error.Status}");
            Assert.Equal("application/problem+json", error.ContentType);
            foreach (var trace in new[] { "   at ", ".cs:line", "Exception", "StackTrace", "stackTrace", "Npgsql", "Marten" })
            {
                Assert.False(error.Body.Contains(trace, StringComparison.Ordinal), $"{error.Request} answered with '{trace}': {error.Body}");
            }

            Assert.DoesNotContain(LeakWorld.Marker, error.Body, StringComparison.Ordinal);
        });
        // Every kind of refusal was provoked.
        Assert.Equal([400, 401, 404, 405, 409, 413, 422], world.Errors.Select(e => e.Status).Distinct().Order());
    }

    [Fact]
    public void No_other_response_carries_the_payload()
    {
        Assert.NotEmpty(world.OtherResponses);
        Assert.All(world.OtherResponses, r =>
        {
            Assert.True(r.Status == 200, $"{r.Request} answered {r.Status}: {r.Body}");
            Assert.DoesNotContain(LeakWorld.Marker, r.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task No_process_log_file_contains_the_payload()
    {
        var files = PlatformProcesses.Services.Select(s => world.Platform[s.Name].LogFile).Append(world.Platform.Gateway.LogFile).ToList();
        Assert.All(files, file => Assert.True(File.Exists(file), file));
        // Logs are written asynchronously: give the last lines a moment to land.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        foreach (var file in files)
        {
            var text = await ReadSharedAsync(file);
            Assert.True(text.Length > 0, $"{file} is empty");
            Assert.False(text.Contains(LeakWorld.Marker, StringComparison.Ordinal), $"{Path.GetFileName(file)} contains the released payload");
        }
    }

    [Fact]
    public async Task No_ledger_entry_contains_the_payload()
    {
        var stores = new Stores(world.Platform);
        Assert.True(await stores.ScalarAsync<long>("audit", "select count(*) from audit.ledger where convert_from(canonical, 'UTF8') like '%' || @id || '%'", ("id", world.DisclosureId)) >= 4,
            "the disclosure's events are in the ledger");
        Assert.Equal(0L, await stores.ScalarAsync<long>("audit", "select count(*) from audit.ledger where strpos(convert_from(canonical, 'UTF8'), @m) > 0", ("m", LeakWorld.Marker)));
        Assert.Empty(await stores.ColumnsContainingAsync("audit", LeakWorld.Marker));
    }

    [Fact]
    public async Task No_event_of_any_service_contains_the_payload()
    {
        var stores = new Stores(world.Platform);
        foreach (var (service, schema) in PlatformProcesses.EventStores)
        {
            Assert.Equal(0L, await stores.ScalarAsync<long>(service, $"select count(*) from {schema}.mt_events where strpos(data::text, @m) > 0", ("m", LeakWorld.Marker)));
        }

        Assert.True(await stores.ScalarAsync<long>("disclosure", "select count(*) from disclosure.mt_events where stream_id = @id", ("id", Guid.Parse(world.DisclosureId))) >= 4,
            "the disclosure's own events were searched");
        Assert.Empty(await stores.ColumnsContainingAsync("consent", LeakWorld.Marker));
        Assert.Empty(await stores.ColumnsContainingAsync("dsa-registry", LeakWorld.Marker));
    }

    [Fact]
    public async Task The_disclosure_database_holds_the_payload_only_as_ciphertext()
    {
        var stores = new Stores(world.Platform);
        // The sealed package is there, with its ciphertext...
        Assert.Equal(1L, await stores.ScalarAsync<long>("disclosure",
            "select count(*) from disclosure.mt_doc_sealedpackage where id = @id and length(decode(coalesce(data->>'Ciphertext', data->>'ciphertext'), 'base64')) > 0",
            ("id", Guid.Parse(world.DisclosureId))));
        // ...and no text or JSON column of any table, the package's own included, shows the plaintext,
        // though the same search does find what is stored in clear (the subject id).
        Assert.NotEmpty(await stores.ColumnsContainingAsync("disclosure", world.Subject));
        Assert.Empty(await stores.ColumnsContainingAsync("disclosure", LeakWorld.Marker));
        Assert.Equal(0L, await stores.ScalarAsync<long>("disclosure",
            "select count(*) from disclosure.mt_doc_sealedpackage where position(convert_to(@m, 'UTF8') in decode(coalesce(data->>'Ciphertext', data->>'ciphertext'), 'base64')) > 0",
            ("m", LeakWorld.Marker)));
    }

    private static async Task<string> ReadSharedAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}

/// <summary>The real flow with a marked payload, and every response seen on the way, recorded once for <see cref="LeakTests"/>.</summary>
public sealed class LeakWorld(PlatformProcesses platform) : IAsyncLifetime
{
    /// <summary>What a council might hold about a young carer, distinctive enough to be found anywhere it leaks.</summary>
    public const string Marker = "Zq7 cares for mum nightly, marker 4b1e9c";

    public PlatformProcesses Platform => platform;
    public string Subject { get; } = Scenario.NewSubject();
    public string DisclosureId { get; private set; } = "";
    public string PackageBody { get; private set; } = "";
    public List<Seen> Errors { get; } = [];
    public List<Seen> OtherResponses { get; } = [];

    public async ValueTask InitializeAsync()
    {
        await WarmUp.SharesAreDecidedAsync(platform);
        var scenario = new Scenario(platform);
        var subject = Subject;
        await scenario.ActiveDsaAsync();
        await scenario.ConsentAsync(subject);
        using var school = await platform.ClientAsAsync(PlatformRoles.Practitioner, org: Scenario.School, name: "leak-requester");
        using var council = await platform.ClientAsAsync(PlatformRoles.Practitioner, org: Scenario.LocalAuthority, name: "leak-holder");
        using var youngCarer = await platform.ClientAsAsync(PlatformRoles.YoungCarer, subjectId: subject);
        using var auditor = await platform.ClientAsAsync(PlatformRoles.Auditor, name: "leak-auditor");

        DisclosureId = await ApprovedAsync(school, subject);
        var payload = Payload(Marker);
        await (await council.PostAsync(Relative($"/api/disclosures/{DisclosureId}/release"), Json(payload))).ExpectJsonAsync(HttpStatusCode.OK);
        var package = await school.GetAsync(Relative($"/api/disclosures/{DisclosureId}/package"));
        PackageBody = await package.Content.ReadAsStringAsync();

        // Errors, each with the payload somewhere in what was sent.
        var second = await ApprovedAsync(school, subject);
        await SeeAsync(Errors, council, HttpMethod.Post, $"/api/disclosures/{second}/release", Json("{\"data\":{\"health.mental\":\"" + Marker + "\"}}")); // 422: outside the approval
        await SeeAsync(Errors, council, HttpMethod.Post, $"/api/disclosures/{DisclosureId}/release", Json(payload)); // 409: already released
        await SeeAsync(Errors, council, HttpMethod.Post, $"/api/disclosures/{Guid.NewGuid()}/release", Json(payload)); // 404
        await SeeAsync(Errors, council, HttpMethod.Post, $"/api/disclosures/{second}/release", Json("{\"data\":{\"caring.role\":\"" + Marker)); // 400: not JSON
        await SeeAsync(Errors, council, HttpMethod.Post, $"/api/disclosures/{second}/release", Json("{\"data\":{\"caring.role\":\"" + Marker + "\"},\"note\":\"" + Marker + "\"}")); // 400: unknown field
        await SeeAsync(Errors, school, HttpMethod.Post, "/api/disclosures", Json("{\"subjectId\":\"" + Marker + "\"}")); // 400: invalid fields
        await SeeAsync(Errors, council, HttpMethod.Post, $"/api/disclosures/{second}/release", Json(Payload(Marker + new string('x', 70 * 1024)))); // 413 at the gateway
        await SeeAsync(Errors, council, HttpMethod.Delete, $"/api/disclosures/{DisclosureId}", null); // 405
        using (var anonymous = new HttpClient { BaseAddress = platform.Gateway.BaseAddress })
        {
            await SeeAsync(Errors, anonymous, HttpMethod.Get, $"/api/disclosures/{DisclosureId}/package", null); // 401
        }

        // Everything else anyone may read about it.
        await SeeAsync(OtherResponses, school, HttpMethod.Get, $"/api/disclosures/{DisclosureId}", null);
        await SeeAsync(OtherResponses, council, HttpMethod.Get, $"/api/disclosures?subjectId={subject}", null);
        await SeeAsync(OtherResponses, auditor, HttpMethod.Get, $"/api/disclosures/{DisclosureId}", null);
        await new Stores(platform).WaitUntilLedgerCaughtUpAsync(TimeSpan.FromSeconds(60));
        await SeeAsync(OtherResponses, auditor, HttpMethod.Get, $"/api/audit/entries?subjectId={subject}&limit=1000", null);
        await SeeAsync(OtherResponses, auditor, HttpMethod.Get, $"/api/audit/disclosures/{DisclosureId}/replay", null);
        await SeeAsync(OtherResponses, youngCarer, HttpMethod.Get, "/api/me/disclosures", null);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<string> ApprovedAsync(HttpClient school, string subject)
    {
        var approved = await WarmUp.DecidedAsync(() => Scenario.RequestShareAsync(school, subject, ["caring.role"]));
        return approved.GetProperty("status").GetString() == "approved"
            ? approved.GetProperty("id").GetString()!
            : throw new InvalidOperationException($"the share was not approved: {approved}");
    }

    private static string Payload(string text) => "{\"data\":{\"caring.role\":\"" + text + "\"}}";

    private static StringContent Json(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static async Task SeeAsync(List<Seen> into, HttpClient client, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, Relative(path)) { Content = content };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        into.Add(new Seen($"{method} {path}", (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body));
    }

    public sealed record Seen(string Request, int Status, string? ContentType, string Body);
}
