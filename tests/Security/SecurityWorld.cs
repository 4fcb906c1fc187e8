namespace ConsentPlatform.Security.Tests;

/// <summary>
/// The data the authorization matrix and the input tests are tried against, set up once per class through the
/// brief's story steps: an active DSA between the council (holder) and the school (requester),
/// consents of two young carers (ours and another's), and disclosures awaiting an override,
/// approved, released, and one about the other young carer; plus factories for a fresh target
/// whenever a row expects a change to succeed, so that no row depends on another's order.
/// Every caller comes from <see cref="ClientAsync"/>: here dev tokens (local mode);
/// <see cref="SignIn.ProductionSecurityWorld"/> signs the same people in at a certified provider.
/// </summary>
public class SecurityWorld(PlatformProcesses platform) : IAsyncLifetime
{
    /// <summary>The requester of every disclosure here (the school).</summary>
    public const string Requester = Scenario.School;

    /// <summary>The holder of every disclosure here, and the DSAs' authoring party (the council).</summary>
    public const string Holder = Scenario.LocalAuthority;

    /// <summary>An organisation that is party to nothing.</summary>
    public const string Stranger = "CHARITY-SEC";

    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    public PlatformProcesses Platform => platform;

    /// <summary>The young carer every <c>YoungCarer</c> token of the matrix belongs to.</summary>
    public string Subject { get; } = Scenario.NewSubject();

    /// <summary>Another young carer, whose data our young carer must never receive.</summary>
    public string OtherSubject { get; } = Scenario.NewSubject();

    public string ConsentActive { get; private set; } = "";
    public string ConsentPaused { get; private set; } = "";
    public string OtherConsentActive { get; private set; } = "";
    public string OtherConsentPaused { get; private set; } = "";

    /// <summary>
    /// A third young carer, who granted school support themselves naming only the council as
    /// recipient: the school, though party to the agreement for it, is not named and may not see it.
    /// </summary>
    public string NamedSubject { get; } = Scenario.NewSubject();

    public string NamedConsentActive { get; private set; } = "";

    /// <summary>An open proposal to our young carer, proposed by the school (issue 16): the target of refused answers.</summary>
    public string ProposalOpen { get; private set; } = "";
    public string OtherProposalOpen { get; private set; } = "";
    public string DsaDraft { get; private set; } = "";
    public string DsaActive { get; private set; } = "";
    public string DsaSuspended { get; private set; } = "";
    public string DisclosureAwaiting { get; private set; } = "";
    public string DisclosureApproved { get; private set; } = "";
    public string DisclosureReleased { get; private set; } = "";

    /// <summary>A disclosure about <see cref="OtherSubject"/>, which our young carer's own view must not show.</summary>
    public string OtherDisclosure { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await WarmUp.SharesAreDecidedAsync(this);
        DsaActive = await FreshDsaAsync(DsaState.Active);
        DsaDraft = await FreshDsaAsync(DsaState.Draft);
        DsaSuspended = await FreshDsaAsync(DsaState.Suspended);

        // The school records a consent of ours first: in production a young carer acts only once
        // a practitioner who sees one of their consents has linked their sign-in (issue 18).
        ConsentPaused = await FreshConsentAsync(Subject, paused: true);
        // Ours consents to school support for any recipient; the other names the council only.
        ConsentActive = await SelfGrantedConsentAsync(Subject);
        OtherConsentActive = await FreshConsentAsync(OtherSubject, paused: false, purpose: "school-support");
        OtherConsentPaused = await FreshConsentAsync(OtherSubject, paused: true);
        NamedConsentActive = await SelfGrantedConsentAsync(NamedSubject, recipients: [Holder]);
        ProposalOpen = await FreshProposalAsync(Subject);
        OtherProposalOpen = await FreshProposalAsync(OtherSubject);

        DisclosureAwaiting = await FreshDisclosureAsync(DisclosureState.Awaiting);
        DisclosureApproved = await FreshDisclosureAsync(DisclosureState.Approved);
        DisclosureReleased = await FreshDisclosureAsync(DisclosureState.Released);
        using var school = await ClientAsync(PlatformRoles.Practitioner, Requester);
        var other = await (await Scenario.RequestShareAsync(school, OtherSubject, ["caring.role"])).ExpectJsonAsync(HttpStatusCode.Created);
        OtherDisclosure = other.GetProperty("id").GetString()!;

        // Ledgering is asynchronous: the young carers' views and the replay read the ledger.
        await WaitForLedgerAsync();
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values) client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>One client per identity for the class (disposed with it), for tests that send many requests as the same user.</summary>
    public async Task<HttpClient> SharedClientAsync(string role, string? org, string? subjectId)
    {
        var key = $"{role}|{org}|{subjectId}";
        if (!clients.TryGetValue(key, out var client))
        {
            clients[key] = client = await ClientAsync(role, org, subjectId, name: "shared-" + role.ToLowerInvariant());
        }

        return client;
    }

    /// <summary>
    /// A client of the gateway acting as <paramref name="role"/> for <paramref name="org"/> (staff) or
    /// as the young carer <paramref name="subjectId"/>: here a dev token that claims them.
    /// </summary>
    public virtual Task<HttpClient> ClientAsync(string role, string? org = null, string? subjectId = null, string? name = null) =>
        platform.ClientAsAsync(role, org, subjectId, name);

    /// <summary>A consent granted (by the school's practitioner, in person) under a fresh purpose unless one is named.</summary>
    public async Task<string> FreshConsentAsync(string subject, bool paused, string? purpose = null)
    {
        using var practitioner = await ClientAsync(PlatformRoles.Practitioner, Requester);
        // The other young carer's consents name only the council: the school is not a recipient.
        string[]? recipients = subject == OtherSubject ? [Holder] : null;
        var granted = await practitioner.PostJsonAsync("/api/consents", new
        {
            subjectId = subject,
            purpose = purpose ?? "p-" + Guid.NewGuid().ToString("N")[..10],
            recipientOrgIds = recipients,
            givenBy = "self",
        });
        var id = (await granted.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        if (paused)
        {
            await (await practitioner.PostJsonAsync($"/api/consents/{id}/pause", new { reason = "Set up for the matrix" })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        return id;
    }

    /// <summary>
    /// A proposal the school's practitioner made to the young carer, under a fresh purpose, still
    /// open; the other young carer's names only the council, like their consents.
    /// </summary>
    public async Task<string> FreshProposalAsync(string subject)
    {
        using var practitioner = await ClientAsync(PlatformRoles.Practitioner, Requester);
        string[]? recipients = subject == OtherSubject ? [Holder] : null;
        var proposed = await practitioner.PostJsonAsync("/api/consents/proposals", new
        {
            subjectId = subject,
            purpose = "p-" + Guid.NewGuid().ToString("N")[..10],
            recipientOrgIds = recipients,
            note = "Proposed for the matrix",
        });
        return (await proposed.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// A consent to school support that the young carer granted themselves (no organisation
    /// recorded it), naming <paramref name="recipients"/> or no one, for a fresh young carer unless one is named.
    /// </summary>
    public async Task<string> SelfGrantedConsentAsync(string? subject = null, string[]? recipients = null)
    {
        subject ??= Scenario.NewSubject();
        using var youngCarer = await ClientAsync(PlatformRoles.YoungCarer, subjectId: subject);
        var granted = await youngCarer.PostJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", recipientOrgIds = recipients, givenBy = "self" });
        return (await granted.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>A DSA between the council and the school, drafted by the council's IG officer, in the given state.</summary>
    public async Task<string> FreshDsaAsync(DsaState state)
    {
        using var ig = await ClientAsync(PlatformRoles.IgOfficer, Holder);
        var drafted = await ig.PostJsonAsync("/api/dsas", Scenario.SchoolSupportDsa("Authorization matrix"));
        var id = (await drafted.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        if (state is DsaState.Active or DsaState.Suspended)
        {
            // Read by the council's officer, then signed by each party's.
            await DsaSignOff.SignByEveryPartyAsync(org => ClientAsync(PlatformRoles.IgOfficer, org == DsaSignOff.Reader ? Holder : org), id);
        }

        if (state is DsaState.Suspended)
        {
            await (await ig.PostJsonAsync($"/api/dsas/{id}/suspend", new { reason = "Set up for the matrix" })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        return id;
    }

    /// <summary>A disclosure of our young carer's caring role, requested by the school from the council, in the given state.</summary>
    public async Task<string> FreshDisclosureAsync(DisclosureState state)
    {
        using var school = await ClientAsync(PlatformRoles.Practitioner, Requester, name: "matrix-requester");
        var expected = state == DisclosureState.Awaiting ? "awaiting-override-approval" : "approved";
        var body = await WarmUp.DecidedAsync(() => state == DisclosureState.Awaiting
            ? Scenario.RequestShareAsync(school, Subject, ["caring.role"], basis: "safeguarding",
                justification: "Signs of neglect seen at school this week: the child is exhausted.")
            : Scenario.RequestShareAsync(school, Subject, ["caring.role"]));
        if (body.GetProperty("status").GetString() != expected) throw new InvalidOperationException($"set-up disclosure is not {expected}: {body}");
        var id = body.GetProperty("id").GetString()!;
        if (state == DisclosureState.Released)
        {
            using var council = await ClientAsync(PlatformRoles.Practitioner, Holder);
            await (await council.PostJsonAsync($"/api/disclosures/{id}/release", new { data = new Dictionary<string, string> { ["caring.role"] = "Looks after a parent" } }))
                .ExpectJsonAsync(HttpStatusCode.OK);
        }

        return id;
    }

    /// <summary>Our young carer's (or our organisations') target of a kind: the shared one, or a fresh one to change.</summary>
    public async Task<string?> OwnTargetAsync(TargetKind kind, bool fresh) => kind switch
    {
        TargetKind.None => null,
        TargetKind.Consent => fresh ? await FreshConsentAsync(Subject, paused: false) : ConsentActive,
        TargetKind.ConsentPaused => fresh ? await FreshConsentAsync(Subject, paused: true) : ConsentPaused,
        TargetKind.Proposal => fresh ? await FreshProposalAsync(Subject) : ProposalOpen,
        TargetKind.DsaDraft => fresh ? await FreshDsaAsync(DsaState.Draft) : DsaDraft,
        TargetKind.DsaActive => fresh ? await FreshDsaAsync(DsaState.Active) : DsaActive,
        TargetKind.DsaSuspended => fresh ? await FreshDsaAsync(DsaState.Suspended) : DsaSuspended,
        TargetKind.Awaiting => fresh ? await FreshDisclosureAsync(DisclosureState.Awaiting) : DisclosureAwaiting,
        TargetKind.Approved => fresh ? await FreshDisclosureAsync(DisclosureState.Approved) : DisclosureApproved,
        TargetKind.Released => fresh ? await FreshDisclosureAsync(DisclosureState.Released) : DisclosureReleased,
        TargetKind.DeletionAsked => fresh ? await FreshDeletionRequestAsync() : deletionAsked ??= await FreshDeletionRequestAsync(),
        TargetKind.OverrideApproved => fresh ? await FreshOverrideApprovedAsync() : overrideApproved ??= await FreshOverrideApprovedAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private string? deletionAsked;
    private string? overrideApproved;

    /// <summary>Issue 20: a safeguarding share of our young carer approved by the council's safeguarding lead: an override to review or delay telling about.</summary>
    public async Task<string> FreshOverrideApprovedAsync()
    {
        var id = await FreshDisclosureAsync(DisclosureState.Awaiting);
        using var lead = await ClientAsync(PlatformRoles.SafeguardingLead, Holder, name: "matrix-lead");
        var approved = await (await lead.PostJsonAsync($"/api/disclosures/{id}/approve-override", new { rationale = "Risk of neglect: approved for the input tests." }))
            .ExpectJsonAsync(HttpStatusCode.OK);
        if (approved.GetProperty("status").GetString() != "approved") throw new InvalidOperationException($"set-up override is not approved: {approved}");
        return id;
    }

    /// <summary>
    /// Issue 20: a disclosure about a young carer of its own (so that withdrawing touches nothing
    /// else here) that the school read before the young carer's consent was withdrawn, once the
    /// disclosure service has asked the school to delete its copy.
    /// </summary>
    public async Task<string> FreshDeletionRequestAsync()
    {
        var subject = Scenario.NewSubject();
        using var school = await ClientAsync(PlatformRoles.Practitioner, Requester, name: "matrix-requester");
        using var council = await ClientAsync(PlatformRoles.Practitioner, Holder);
        var consent = (await (await school.PostJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "self" }))
            .ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var body = await WarmUp.DecidedAsync(() => Scenario.RequestShareAsync(school, subject, ["caring.role"]));
        if (body.GetProperty("status").GetString() != "approved") throw new InvalidOperationException($"set-up disclosure is not approved: {body}");
        var id = body.GetProperty("id").GetString()!;
        await (await council.PostJsonAsync($"/api/disclosures/{id}/release", new { data = new Dictionary<string, string> { ["caring.role"] = "Looks after a parent" } }))
            .ExpectJsonAsync(HttpStatusCode.OK);
        await (await school.GetAsync(new Uri($"/api/disclosures/{id}/package", UriKind.Relative))).ExpectJsonAsync(HttpStatusCode.OK);
        await (await school.PostJsonAsync($"/api/consents/{consent}/withdraw", new { reason = "Set up for the input tests" })).ExpectJsonAsync(HttpStatusCode.OK);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var disclosure = await (await school.GetAsync(new Uri($"/api/disclosures/{id}", UriKind.Relative))).ExpectJsonAsync(HttpStatusCode.OK);
            if (disclosure.TryGetProperty("deletion", out var deletion) && deletion.ValueKind == System.Text.Json.JsonValueKind.Object) return id;
            await Task.Delay(100);
        }

        throw new TimeoutException($"no deletion was requested of disclosure {id} within 30 s of the withdrawal");
    }

    private async Task WaitForLedgerAsync()
    {
        using var ours = await ClientAsync(PlatformRoles.YoungCarer, subjectId: Subject);
        using var theirs = await ClientAsync(PlatformRoles.YoungCarer, subjectId: OtherSubject);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var mine = await ours.GetStringAsync(new Uri("/api/me/disclosures", UriKind.Relative));
            var other = await theirs.GetStringAsync(new Uri("/api/me/disclosures", UriKind.Relative));
            if (mine.Contains(DisclosureReleased, StringComparison.Ordinal) && mine.Contains("\"released\"", StringComparison.Ordinal)
                && mine.Contains(DisclosureApproved, StringComparison.Ordinal) && other.Contains(OtherDisclosure, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the matrix's disclosures did not reach the ledger in 60 s");
    }
}

/// <summary>What a route acts on, in the state the route needs.</summary>
public enum TargetKind
{
    None,
    Consent,
    ConsentPaused,
    DsaDraft,
    DsaActive,
    DsaSuspended,
    Awaiting,
    Approved,
    Released,

    /// <summary>An open consent proposal (issue 16), for the young carer to accept or decline.</summary>
    Proposal,

    /// <summary>A read disclosure whose consent was withdrawn: a deletion request awaits the requester's answer (issue 20).</summary>
    DeletionAsked,

    /// <summary>A safeguarding override approved by the holder's lead (issue 20): to review, or to delay telling about.</summary>
    OverrideApproved,
}

public enum DsaState
{
    Draft,
    Active,
    Suspended,
}

public enum DisclosureState
{
    Awaiting,
    Approved,
    Released,
}
