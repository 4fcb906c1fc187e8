using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// Who may do what, route by route, enforced in the service from the token and, for a
/// practitioner, from what ties their organisation to the consent (issue 15): it recorded it, it
/// is a named recipient, or (for a consent without recipients) it is party to an active agreement
/// for the purpose. "YoungCarer" acts on their own subject, "OtherYoungCarer" on someone else's;
/// "Anonymous" sends no token. Whatever a caller may not see answers like an unknown id and
/// changes nothing.
/// </summary>
public sealed class RoleMatrixTests(ConsentApi api)
{
    private const string Own = "YoungCarer";
    private const string Other = "OtherYoungCarer";
    private const string Anonymous = "Anonymous";
    private const string PartyPractitioner = "Practitioner (party to an agreement for the purpose)";
    private const string RecordingPractitioner = "Practitioner (recorded it)";
    private const string RecipientPractitioner = "Practitioner (named recipient)";
    private const string UnrelatedPractitioner = "Practitioner (unrelated organisation)";
    private const string UnnamedPartyPractitioner = "Practitioner (party, but not among the named recipients)";

    private const string RecordingOrg = "recorder-org";
    private const string RecipientOrg = "recipient-org";
    private const string UnrelatedOrg = "stranger-org";

    private const string ProposingOrg = "proposer-org";

    private static readonly string[] Routes = ["grant", "get", "list", "history", "explanation", "pause", "resume", "withdraw", "propose", "accept", "decline"];

    /// <summary>Per caller: the status on each route, and whether the consent is in their list.</summary>
    private static readonly Dictionary<string, (int[] Statuses, bool Sees)> Expected = new()
    {
        //                           grant get  list history explanation pause resume withdraw propose accept decline
        [Own] = ([201, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200], true),
        [Other] = ([403, 404, 403, 404, 404, 404, 404, 404, 403, 404, 404], false),
        [PartyPractitioner] = ([201, 200, 200, 200, 200, 200, 403, 200, 201, 403, 403], true),
        [RecordingPractitioner] = ([201, 200, 200, 200, 200, 200, 403, 200, 201, 403, 403], true),
        [RecipientPractitioner] = ([201, 200, 200, 200, 200, 200, 403, 200, 201, 403, 403], true),
        [UnrelatedPractitioner] = ([201, 404, 200, 404, 404, 404, 403, 404, 201, 403, 403], false),
        [UnnamedPartyPractitioner] = ([201, 404, 200, 404, 404, 404, 403, 404, 201, 403, 403], false),
        [PlatformRoles.Auditor] = ([403, 200, 200, 200, 200, 403, 403, 403, 403, 403, 403], true),
        [PlatformRoles.IgOfficer] = ([403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403], false),
        [PlatformRoles.SafeguardingLead] = ([403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403], false),
        [Anonymous] = ([401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401], false),
    };

    public static TheoryData<string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (caller, (statuses, _)) in Expected)
        {
            for (var i = 0; i < Routes.Length; i++) data.Add(caller, Routes[i], statuses[i]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Caller_on_route_gets_the_expected_status(string caller, string route, int expected)
    {
        var subject = NewSubject();
        using var owner = api.YoungCarer(subject);
        // Every route but grant and propose acts on an existing consent of the subject; resume needs
        // it paused; accept and decline need a proposal. Who recorded (or proposed) it and whom it
        // names are what tie (or do not tie) a practitioner to it.
        var consent = route switch
        {
            "grant" or "propose" => null,
            "accept" or "decline" => await ProposalForAsync(caller, subject),
            _ => await ConsentForAsync(caller, subject, owner),
        };
        if (route == "resume") (await owner.ActAsync(consent!.Id, "pause")).Dispose();
        var before = consent is null ? null : await StateAsync(owner, consent.Id);

        using var client = ClientFor(caller, subject);
        var reason = new { reason = "on the young person's behalf" };

        using var response = route switch
        {
            "grant" => await client.GrantAsync(GrantBody(subject)),
            "propose" => await client.ProposeAsync(ProposeBody(subject)),
            "accept" => await client.ActAsync(consent!.Id, route),
            "get" => await client.ReadAsync($"/api/consents/{consent!.Id}"),
            "list" => await client.ReadAsync($"/api/consents?subjectId={subject}"),
            "history" => await client.ReadAsync($"/api/consents/{consent!.Id}/history"),
            "explanation" => await client.ReadAsync($"/api/consents/{consent!.Id}/explanation"),
            "resume" => await client.ActAsync(consent!.Id, route),
            _ => await client.ActAsync(consent!.Id, route, reason),
        };

        Assert.Equal((HttpStatusCode)expected, response.StatusCode);
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (before is not null)
            {
                // Refused is refused: the consent is exactly as it was.
                var after = await StateAsync(owner, consent!.Id);
                Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
            }
        }

        if (route == "list" && expected == 200)
        {
            var listed = await response.BodyAsync<ConsentBody[]>();
            Assert.Equal(Expected[caller].Sees, listed.Any(c => c.Id == consent!.Id));
            if (!Expected[caller].Sees) Assert.Empty(listed);
        }
    }

    [Fact]
    public async Task A_practitioner_whose_tie_only_the_registry_can_confirm_gets_503_and_changes_nothing_while_it_does_not_answer()
    {
        const string org = "silent-registry-org";
        api.Parties.Add(org, "school-support");
        api.Parties.Silence(org);
        using var carer = await api.YoungCarerGrantsAsync();
        using var practitioner = api.Practitioner(org);

        using var read = await practitioner.ReadAsync($"/api/consents/{carer.Consent.Id}");
        using var list = await practitioner.ReadAsync($"/api/consents?subjectId={carer.Subject}");
        using var explanation = await practitioner.ReadAsync($"/api/consents/{carer.Consent.Id}/explanation");
        using var withdraw = await practitioner.ActAsync(carer.Consent.Id, "withdraw", new { reason = "asked to by the young person" });

        await read.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        await list.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        await explanation.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        await withdraw.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        var after = await StateAsync(carer.Client, carer.Consent.Id);
        Assert.Equal(("active", 1L), (after.Status, after.Version));
    }

    private static async Task<ConsentBody> StateAsync(HttpClient owner, Guid id)
    {
        using var response = await owner.ReadAsync($"/api/consents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ConsentAsync();
    }

    private async Task<ConsentBody> ConsentForAsync(string caller, string subject, HttpClient owner)
    {
        switch (caller)
        {
            case RecordingPractitioner:
                using (var recorder = api.Practitioner(RecordingOrg)) return await recorder.GrantedAsync(GrantBody(subject));
            case RecipientPractitioner or UnnamedPartyPractitioner:
                return await owner.GrantedAsync(GrantBody(subject, recipientOrgIds: [RecipientOrg]));
            default:
                return await owner.GrantedAsync(GrantBody(subject));
        }
    }

    /// <summary>A proposal of the subject's, proposed by the organisation whose tie the row is about (or by an unrelated one).</summary>
    private async Task<ConsentBody> ProposalForAsync(string caller, string subject)
    {
        var proposer = caller == RecordingPractitioner ? RecordingOrg : ProposingOrg;
        string[]? recipients = caller is RecipientPractitioner or UnnamedPartyPractitioner ? [RecipientOrg] : null;
        using var practitioner = api.Practitioner(proposer);
        return await practitioner.ProposedAsync(ProposeBody(subject, recipientOrgIds: recipients));
    }

    private HttpClient ClientFor(string caller, string subject) => caller switch
    {
        Own => api.YoungCarer(subject),
        Other => api.YoungCarer(NewSubject()),
        PartyPractitioner or UnnamedPartyPractitioner => api.Practitioner(),
        RecordingPractitioner => api.Practitioner(RecordingOrg),
        RecipientPractitioner => api.Practitioner(RecipientOrg),
        UnrelatedPractitioner => api.Practitioner(UnrelatedOrg),
        Anonymous => api.Host.CreateClient(),
        _ => api.ClientFor(caller, org: "la-1"),
    };
}
