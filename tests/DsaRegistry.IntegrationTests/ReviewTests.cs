using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>Issue 17, part 3 (in part): a DSA records its DPIA reference and a review date, and <c>reviewDue=true</c> lists those due within 30 days or overdue.</summary>
public sealed class ReviewTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    [Fact]
    public async Task ReviewDue_lists_an_agreement_due_within_30_days_or_overdue_and_not_one_a_year_away_nor_a_terminated_one()
    {
        var now = DateTimeOffset.UtcNow;
        var soon = await Registry.DraftAsync(Registry.Terms(now.AddDays(-300), now.AddDays(300)) with { ReviewBy = now.AddDays(10), DpiaReference = "  DPIA-2026-014 " });
        var overdue = await Registry.DraftAsync(Registry.Terms(now.AddDays(-400), now.AddDays(300)));
        var later = await Registry.DraftAsync(Registry.Terms(now.AddDays(-1), now.AddDays(700)));
        var ended = await Registry.DraftAsync(Registry.Terms(now.AddDays(-300), now.AddDays(300)) with { ReviewBy = now.AddDays(5) });
        await PostAsync(Registry.Officer(), $"/api/dsas/{ended.Id}/terminate", new { reason = "Replaced" });

        var due = await ReadAsync<List<Dsa>>(await GetAsync(Registry.Officer(), $"/api/dsas?reviewDue=true&orgId={Registry.LocalAuthority}"));

        var ids = due.Select(d => d.Id).ToHashSet();
        Assert.Contains(soon.Id, ids);
        Assert.Contains(overdue.Id, ids); // no date chosen: a year after it took effect, 35 days ago
        Assert.DoesNotContain(later.Id, ids);
        Assert.DoesNotContain(ended.Id, ids);
        Assert.Equal(("DPIA-2026-014", now.AddDays(10)), (soon.DpiaReference, soon.ReviewBy));
        Assert.Equal(later.EffectiveFrom.AddYears(1), later.ReviewBy);
    }

    [Fact]
    public async Task A_review_date_before_the_agreement_takes_effect_or_a_long_DPIA_reference_is_400()
    {
        var terms = Registry.Terms();
        var problem = await ProblemAsync(
            await PostAsync(Registry.Officer(), "/api/dsas", terms with { ReviewBy = terms.EffectiveFrom!.Value.AddDays(-1), DpiaReference = new string('d', 101) }),
            HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reviewBy", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("dpiaReference", out _));
    }
}
