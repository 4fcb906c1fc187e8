using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>Bad input is a 400 problem naming each bad field, and nothing is recorded.</summary>
public sealed class ValidationTests(ConsentApi api)
{
    public static TheoryData<string, string> BadGrants => new()
    {
        { """{"subjectId":"has space","purpose":"school-support","givenBy":"self"}""", "subjectId" },
        { """{"purpose":"school-support","givenBy":"self"}""", "subjectId" },
        { """{"subjectId":"SUBJECT","purpose":"School Support","givenBy":"self"}""", "purpose" },
        { """{"subjectId":"SUBJECT","purpose":"school-support"}""", "givenBy" },
        { """{"subjectId":"SUBJECT","purpose":"school-support","givenBy":"self","expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt" },
        { """{"subjectId":"SUBJECT","purpose":"school-support","givenBy":"self","recipientOrgIds":["ok","not ok"]}""", "recipientOrgIds[1]" },
        { """{"subjectId":"SUBJECT","purpose":"school-support","givenBy":"self","dataCategories":["Caring.Role"]}""", "dataCategories[0]" },
        { """{"subjectId":"SUBJECT","purpose":"school-support","givenBy":"self","recipients":["school-1"]}""", "recipients" },
        { """{"subjectId":"SUBJECT","purpose":"school-support","givenBy":"self","recipientOrgIds":"school-1"}""", "recipientOrgIds" },
        { """{"subjectId":"SUBJECT","purpose":"school-support","givenBy":1}""", "givenBy" },
        { """{"subjectId":"SUBJECT","purpose":"school-support","givenBy":"grandparent"}""", "givenBy" },
        { """{"subjectId":"SUBJECT","purpose":"school-support","givenBy":"self","expiresAt":"tomorrow"}""", "expiresAt" },
    };

    [Theory]
    [MemberData(nameof(BadGrants))]
    public async Task A_bad_grant_is_400_naming_the_field_and_records_nothing(string template, string field)
    {
        var subject = NewSubject();
        using var client = api.Practitioner();

        using var response = await client.RawPostAsync("/api/consents", template.Replace("SUBJECT", subject, StringComparison.Ordinal));

        Assert.Contains(field, await response.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Empty(await client.ListAsync(subject));
    }

    [Fact]
    public async Task Fifty_one_recipients_are_400()
    {
        var subject = NewSubject();
        using var client = api.Practitioner();

        using var response = await client.GrantAsync(GrantBody(subject, recipientOrgIds: [.. Enumerable.Range(0, 51).Select(i => $"org-{i}")]));

        Assert.Equal(["recipientOrgIds"], await response.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Malformed_json_is_400_and_records_nothing()
    {
        var subject = NewSubject();
        using var client = api.YoungCarer(subject);

        using var response = await client.RawPostAsync("/api/consents", $$"""{"subjectId":"{{subject}}","purpose":""");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(await client.ListAsync(subject));
    }

    [Fact]
    public async Task A_reason_over_500_characters_is_400_and_the_consent_is_unchanged()
    {
        using var carer = await api.YoungCarerGrantsAsync();

        using var response = await carer.ActAsync("pause", new { reason = new string('x', 501) });

        Assert.Equal(["reason"], await response.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Single(await carer.HistoryAsync());
    }

    [Fact]
    public async Task An_unknown_field_in_a_pause_is_400()
    {
        using var carer = await api.YoungCarerGrantsAsync();

        using var response = await carer.Client.RawPostAsync($"/api/consents/{carer.Consent.Id}/pause", """{"reasn":"typo"}""");

        Assert.Equal(["reasn"], await response.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_malformed_if_match_is_400()
    {
        using var carer = await api.YoungCarerGrantsAsync();

        using var response = await carer.ActAsync("pause", ifMatch: "\"v1\"");

        Assert.Equal(["If-Match"], await response.ProblemAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_bad_subject_id_in_a_list_query_is_400()
    {
        using var client = api.Auditor();

        using var response = await client.ReadAsync("/api/consents?subjectId=not%20valid");

        Assert.Equal(["subjectId"], await response.ProblemAsync(HttpStatusCode.BadRequest));
    }
}
