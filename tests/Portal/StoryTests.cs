using ConsentPlatform.Portal.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// The brief's story through the portal only: a school practitioner asks, the council releases,
/// the school reads; the young carer pauses; the school's next read is refused; the young carer
/// sees who asked; an auditor verifies the ledger and replays the decision.
/// </summary>
public sealed class StoryTests(PortalPlatform platform, BrowserFixture browser)
{
    [Fact]
    public async Task Young_carer_pauses_a_consent_and_the_practitioners_next_package_read_is_refused_then_an_auditor_verifies()
    {
        await Story.ActiveDsaAsync(platform, "Young carers: council and school (story)");
        var subject = Story.NewSubject();
        await Story.ConsentAsync(platform, subject);

        // The school asks, in two steps: purpose first, then what and from whom.
        var school = await browser.NewPageAsync();
        await school.SignInAsync(platform, "Practitioner", org: Story.School, name: "Sally School");
        await school.GotoAsync(platform.Url("/practitioner/request"));
        await school.Locator("input[name='Choice']").First.CheckAsync();
        await school.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await school.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Assertions.Expect(school.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the young carer's ledger id");
        await school.AccessibleAsync("practitioner-request");
        await school.GetByLabel("Young carer's ledger id").FillAsync(subject);
        await school.GetByLabel($"County Council ({Story.LocalAuthority})").CheckAsync();
        await school.GetByLabel("caring.role").CheckAsync();
        await school.GetByLabel("The young person's consent").CheckAsync();
        await school.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();

        var status = await school.Locator("#disclosure-status").InnerTextAsync();
        Assert.True(status == "Approved", $"the request was {status}: {string.Join("; ", await school.Locator("[data-reason]").AllInnerTextsAsync())}");
        await Assertions.Expect(school.GetByText("Every check passed.")).ToBeVisibleAsync();
        await school.AccessibleAsync("practitioner-decision");
        var disclosurePath = new Uri(school.Url).AbsolutePath;

        // The council releases: one field per approved category.
        var council = await browser.NewPageAsync();
        await council.SignInAsync(platform, "Practitioner", org: Story.LocalAuthority, name: "Carl Council");
        await council.GotoAsync(platform.Url(disclosurePath));
        await council.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
        await Assertions.Expect(council.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the caring.role information");
        await council.GetByLabel("caring.role").FillAsync("Cares for their mother after school, about 3 hours a day.");
        await council.AccessibleAsync("practitioner-release");
        await council.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
        await Assertions.Expect(council.Locator("#disclosure-status")).ToHaveTextAsync("Released");

        // The school reads the package.
        await school.ReloadAsync();
        await school.GetByRole(AriaRole.Button, new() { Name = "Read the package" }).ClickAsync();
        await Assertions.Expect(school.Locator("#package")).ToContainTextAsync("Cares for their mother after school");
        await school.AccessibleAsync("practitioner-package");

        // The young carer pauses in the portal.
        var youngCarer = await browser.NewPageAsync();
        await youngCarer.SignInAsync(platform, "YoungCarer", subjectId: subject, name: "Sam");
        await youngCarer.GetByRole(AriaRole.Button, new() { Name = "Pause sharing" }).ClickAsync();
        await Assertions.Expect(youngCarer.Locator(".govuk-notification-banner")).ToContainTextAsync("You have paused sharing");

        // The school's next read is refused, with the reason in words.
        await school.GotoAsync(platform.Url(disclosurePath));
        await school.GetByRole(AriaRole.Button, new() { Name = "Read the package" }).ClickAsync();
        var summary = school.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("paused their consent");
        await Assertions.Expect(school.Locator("#package")).ToHaveCountAsync(0);
        await school.AccessibleAsync("practitioner-read-refused");

        // The young carer sees who asked, the release and the read.
        await youngCarer.GotoAsync(platform.Url("/young-carer/requests"));
        var request = youngCarer.Locator(".govuk-summary-card").First;
        await Assertions.Expect(request).ToContainTextAsync(Story.School, new() { Timeout = 15_000 });
        await Assertions.Expect(request).ToContainTextAsync("that you are a young carer and who you look after");
        await youngCarer.AccessibleAsync("young-carer-requests");

        // An auditor verifies the ledger and replays the decision.
        var auditor = await browser.NewPageAsync();
        await auditor.SignInAsync(platform, "Auditor", name: "Alex Auditor");
        await auditor.GotoAsync(platform.Url("/auditor?SubjectId=" + subject));
        await Assertions.Expect(auditor.Locator("#ledger")).ToContainTextAsync("DisclosureReleased");
        await auditor.AccessibleAsync("auditor-ledger");
        await auditor.GetByRole(AriaRole.Link, new() { Name = "Replay the decision" }).First.ClickAsync();
        await Assertions.Expect(auditor.Locator("#replay-result")).ToHaveTextAsync("Consistent");
        await auditor.AccessibleAsync("auditor-replay");
        await auditor.GotoAsync(platform.Url("/auditor/verify"));
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Verify now" }).ClickAsync();
        await Assertions.Expect(auditor.Locator("#verification")).ToContainTextAsync("The ledger is intact");
        await auditor.AccessibleAsync("auditor-verify");
        await auditor.GotoAsync(platform.Url("/auditor/stats"));
        await Assertions.Expect(auditor.Locator("#totals")).ToBeVisibleAsync();
        await auditor.AccessibleAsync("auditor-stats");
    }
}
