namespace ConsentPlatform.Security.Tests.SignIn;

/// <summary>
/// The security world on the production platform (<see cref="SignInPlatform"/>): the same data, set
/// up through the same steps, by people who signed in at the certified provider. Staff sign in at
/// their organisation's tenant (<see cref="MatrixTenants"/>), and the platform's tenant mapping, not
/// the token, says which organisation they act for. A young carer signs in at the consumer tenant
/// with an account of their own, which a practitioner who sees one of their consents links to their
/// ledger id with a one-time code (<c>POST /api/link-codes</c>, then <c>POST /api/me/links</c>):
/// their token claims no subject; the link alone says whose data is theirs.
/// </summary>
public sealed class ProductionSecurityWorld(SignInPlatform platform) : SecurityWorld(platform)
{
    /// <summary>A token is reused this long (the provider's last ten minutes), then got again by signing in.</summary>
    private static readonly TimeSpan TokenReuse = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Tenant, string Login), (string Token, Stopwatch Age)> tokens = new();
    private readonly Dictionary<string, string> linkedLogins = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim linking = new(1, 1);

    /// <summary>
    /// A client signed in as <paramref name="role"/> at <paramref name="org"/>'s tenant; an auditor at the
    /// audit body's, a platform administrator at the operator's, a young carer with the consumer
    /// account linked to <paramref name="subjectId"/> (linked first if it is not yet).
    /// <paramref name="name"/> is the account's, not the caller's to choose.
    /// </summary>
    public override async Task<HttpClient> ClientAsync(string role, string? org = null, string? subjectId = null, string? name = null)
    {
        var (tenant, login) = role switch
        {
            PlatformRoles.YoungCarer => (TestTenants.Consumer, await LoginLinkedToAsync(subjectId ?? throw new ArgumentNullException(nameof(subjectId), "a young carer acts for a ledger id"))),
            PlatformRoles.Auditor => (MatrixTenants.AuditBody, MatrixTenants.LoginOf(role)),
            PlatformRoles.PlatformAdministrator => (TestTenants.Platform, MatrixTenants.Administrator),
            _ when org is not null && MatrixTenants.TenantOf.TryGetValue(org, out var staff) => (staff, MatrixTenants.LoginOf(role)),
            _ => throw new ArgumentException($"no tenant of the matrix acts for {org ?? "no organisation"} as {role}", nameof(org)),
        };
        return await SignedInAsync(tenant, login);
    }

    private async Task<HttpClient> SignedInAsync(string tenant, string login)
    {
        var key = (tenant, login);
        if (!tokens.TryGetValue(key, out var held) || held.Age.Elapsed > TokenReuse)
        {
            tokens[key] = held = (await platform.Provider.SignInAsync(tenant, login), Stopwatch.StartNew());
        }

        var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", held.Token);
        return client;
    }

    /// <summary>The consumer account linked to <paramref name="subject"/>: the next unused one, linked with a code on first use.</summary>
    private async Task<string> LoginLinkedToAsync(string subject)
    {
        await linking.WaitAsync();
        try
        {
            if (linkedLogins.TryGetValue(subject, out var login)) return login;
            if (linkedLogins.Count == MatrixTenants.YoungCarerLogins.Count)
            {
                throw new InvalidOperationException($"all {linkedLogins.Count} consumer accounts of MatrixTenants are linked: add more");
            }

            login = MatrixTenants.YoungCarerLogins[linkedLogins.Count];
            var code = await LinkCodeAsync(subject);
            using var youngCarer = await SignedInAsync(TestTenants.Consumer, login);
            var linked = await (await youngCarer.PostJsonAsync("/api/me/links", new { code })).ExpectJsonAsync(HttpStatusCode.Created);
            if (linked.GetProperty("subjectId").GetString() != subject) throw new InvalidOperationException($"{login} was linked to another young carer: {linked}");
            linkedLogins[subject] = login;
            return login;
        }
        finally
        {
            linking.Release();
        }
    }

    /// <summary>
    /// A link code for <paramref name="subject"/> from the school's or the council's practitioner,
    /// whichever sees one of their consents. A young carer no organisation has met yet (one who is
    /// to grant their first consent themselves) is first met by the council: its practitioner
    /// records a consent naming only the council, under a purpose of its own, as a practitioner
    /// would before handing over a code; a young carer cannot be linked otherwise.
    /// </summary>
    private async Task<string> LinkCodeAsync(string subject)
    {
        foreach (var org in new[] { Requester, Holder })
        {
            using var practitioner = await ClientAsync(PlatformRoles.Practitioner, org);
            using var issued = await practitioner.PostJsonAsync("/api/link-codes", new { subjectId = subject });
            if (issued.StatusCode == HttpStatusCode.NotFound) continue;
            return (await issued.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("code").GetString()!;
        }

        using var council = await ClientAsync(PlatformRoles.Practitioner, Holder);
        await (await council.PostJsonAsync("/api/consents", new
        {
            subjectId = subject,
            purpose = "p-met-" + Guid.NewGuid().ToString("N")[..8],
            recipientOrgIds = new[] { Holder },
            givenBy = "self",
        })).ExpectJsonAsync(HttpStatusCode.Created);
        var code = await (await council.PostJsonAsync("/api/link-codes", new { subjectId = subject })).ExpectJsonAsync(HttpStatusCode.Created);
        return code.GetProperty("code").GetString()!;
    }
}
