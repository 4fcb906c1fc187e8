namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>
/// The same behaviour for each of the four hosts: ready on its own database and the broker,
/// refusing a call without a valid token, serving its OpenAPI document. (The placeholder ping/pong
/// contracts are gone, issue 24: the hosts that answer requests over RabbitMQ show it with a real one.)
/// </summary>
public abstract class ServiceHostTests<TModule>(ServiceHost<TModule> host)
    where TModule : class
{
    protected ServiceHost<TModule> Host { get; } = host;

    [Fact]
    public async Task Readiness_names_the_database_the_broker_and_the_warm_up_as_healthy()
    {
        using var report = await JsonAsync("/health/ready");
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("rabbitmq").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("warm-up").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Call_without_a_token_is_401_problem_json()
    {
        using var response = await GetAsync("/api/anything");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Call_with_a_token_from_another_key_is_401()
    {
        var foreign = LocalIssuer.Ephemeral(TestTokens.Issuer).CreateToken(PlatformRoles.Auditor, "mallory", null, null);

        using var response = await GetAsync("/api/anything", foreign);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_is_served_anonymously()
    {
        using var document = await JsonAsync("/openapi/v1.json");

        Assert.True(document.RootElement.TryGetProperty("openapi", out _));
    }

    /// <summary>
    /// Issue 24: the document is fit for other people's tools: Redocly's recommended rules
    /// (<c>Redocly/redocly.yaml</c>, the CLI pinned by <c>Redocly/package-lock.json</c>) report no error.
    /// </summary>
    [Fact]
    public async Task OpenApi_document_passes_redocly_lint_with_no_error()
    {
        using var client = Host.CreateClient();
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var folder = Path.Combine(RepositoryRoot.Find(), "tests", "Platform.IntegrationTests", "Redocly");
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{typeof(TModule).Name}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document, TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output) = await RedoclyLintAsync(folder, file);
            Assert.True(exitCode == 0, $"redocly lint found errors in {typeof(TModule).Name}'s OpenAPI document:\n{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Asks the service over RabbitMQ, as another service would, and waits up to 10 s for its answer.</summary>
    protected async Task<TResponse> AskAsync<TRequest, TResponse>(TRequest request)
        where TRequest : class
        where TResponse : class
    {
        using var scope = Host.Services.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<TRequest>>();
        var response = await client.GetResponse<TResponse>(request, TestContext.Current.CancellationToken, RequestTimeout.After(s: 10));
        return response.Message;
    }

    /// <summary>A GET of <paramref name="path"/> at the service, with <paramref name="token"/> as its bearer when given.</summary>
    private async Task<HttpResponseMessage> GetAsync(string path, string? token = null)
    {
        using var client = Host.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
    }

    /// <summary>The JSON a GET of <paramref name="path"/> answers, after checking it is 200.</summary>
    private async Task<JsonDocument> JsonAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<(int ExitCode, string Output)> RedoclyLintAsync(string folder, string file)
    {
        var cli = Path.Combine(folder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: build tests/Platform.IntegrationTests (its npm ci target installs @redocly/cli)");
        var start = new System.Diagnostics.ProcessStartInfo("node", [cli, "lint", file, "--config", Path.Combine(folder, "redocly.yaml"), "--format", "stylish"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Offline: no telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task OpenApi_document_declares_415_problem_on_every_operation_that_takes_a_body()
    {
        using var document = await JsonAsync("/openapi/v1.json");

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        foreach (var (name, operation) in operations)
        {
            var declares415 = operation.TryGetProperty("responses", out var responses) && responses.TryGetProperty("415", out var unsupported)
                              && unsupported.GetProperty("content").TryGetProperty("application/problem+json", out _);
            Assert.True(operation.TryGetProperty("requestBody", out _) == declares415, $"{name}: a 415 problem is declared exactly when the operation takes a body");
        }
    }
}

public sealed class ConsentHostTests(ServiceHost<ConsentEntryPoint> host)
    : ServiceHostTests<ConsentEntryPoint>(host), IClassFixture<ServiceHost<ConsentEntryPoint>>
{
    [Fact]
    public async Task Answers_which_ledger_id_a_sign_in_is_linked_to_over_RabbitMQ()
    {
        var resolution = await AskAsync<ResolveSubjectLink, SubjectLinkResolution>(new ResolveSubjectLink(SignIns.HashOf("https://issuer.example", Guid.NewGuid().ToString())));

        Assert.Null(resolution.SubjectId);
    }
}

public sealed class DsaRegistryHostTests(ServiceHost<DsaRegistryEntryPoint> host)
    : ServiceHostTests<DsaRegistryEntryPoint>(host), IClassFixture<ServiceHost<DsaRegistryEntryPoint>>
{
    [Fact]
    public async Task Answers_the_tenant_registry_over_RabbitMQ()
    {
        var tenants = await AskAsync<ListOnboardedTenants, OnboardedTenantList>(new ListOnboardedTenants());

        Assert.True(tenants.Version >= 0);
        Assert.NotNull(tenants.Tenants);
    }
}

public sealed class DisclosureHostTests(ServiceHost<DisclosureEntryPoint> host)
    : ServiceHostTests<DisclosureEntryPoint>(host), IClassFixture<ServiceHost<DisclosureEntryPoint>>;

public sealed class AuditHostTests(ServiceHost<AuditEntryPoint> host)
    : ServiceHostTests<AuditEntryPoint>(host), IClassFixture<ServiceHost<AuditEntryPoint>>;
