namespace ConsentPlatform.Portal.Tests.Support;

/// <summary>
/// How the stories move through the portal and what every page visited must pass.
/// A click that navigates is never followed by a wait for a load state: that wait races the
/// POST → redirect → GET it started (it can attach to the old document, or to a state that has
/// already passed) and was the suite's one-run-in-four flake. The stories wait for what a user
/// waits for instead: the new document, at the expected address, showing the expected heading.
/// </summary>
public static class PageChecks
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>How long a page may take to arrive: long for a page, short against a test timeout.</summary>
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(15);

    /// <summary>Where each role lands after signing in, and the heading it sees there.</summary>
    private static readonly Dictionary<string, (string Path, string Heading)> Landing = new(StringComparer.Ordinal)
    {
        ["YoungCarer"] = ("/young-carer", "Who can see what about me"),
        ["Practitioner"] = ("/practitioner", "Requests and consents"),
        ["IgOfficer"] = ("/ig-officer", "Data-sharing agreements"),
        ["SafeguardingLead"] = ("/safeguarding", "Requests waiting for safeguarding approval"),
        ["Auditor"] = ("/auditor", "Audit ledger"),
        ["CaldicottGuardian"] = ("/guardian", "Safeguarding overrides to review"),
        ["PlatformAdministrator"] = ("/admin/tenants", "Organisations that can sign in"),
        ["Analyst"] = ("/statistics", "Statistics"),
    };

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Find(), "tests", "Portal", "screenshots");

    /// <summary>
    /// Clicks something that navigates (a link, or a form's button that posts and is redirected)
    /// and waits until a new document has arrived at <paramref name="path"/> (<c>*</c> stands for one
    /// path segment; any query string is accepted) with an <c>h1</c> containing <paramref name="heading"/>.
    /// A same-address round trip (a form shown again with its errors) counts: it is a new document.
    /// </summary>
    public static async Task ClickToAsync(this IPage page, ILocator target, string path, string heading)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        var step = $"after clicking {target}";
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame) arrived.TrySetResult();
        }

        // Listening before the click: the navigation cannot be missed however fast it commits.
        page.FrameNavigated += OnNavigated;
        try
        {
            await target.ClickAsync();
            try
            {
                await arrived.Task.WaitAsync(Arrival);
            }
            catch (TimeoutException)
            {
                throw await NotArrivedAsync(page, step, path, heading, $"no new page arrived within {Arrival.TotalSeconds:0} s");
            }
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }

        await page.ExpectPageAsync(path, heading, step);
    }

    /// <summary>
    /// Opens <paramref name="path"/> as a typed address and waits for the page it arrives at
    /// (<paramref name="arrivesAt"/>, when the portal redirects, else the same path) and its heading.
    /// </summary>
    public static async Task<IResponse?> OpenAsync(this IPage page, PortalPlatform platform, string path, string heading, string? arrivesAt = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(platform);
        // Committed is enough: what the test waits for is the heading, not every stylesheet.
        var response = await page.GotoAsync(platform.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.ExpectPageAsync(arrivesAt ?? path.Split('?')[0], heading, $"after opening {path}");
        return response;
    }

    /// <summary>Signs in through the local sign-in page and waits for the role's own start page.</summary>
    public static async Task SignInAsync(this IPage page, PortalPlatform platform, string role, string? org = null, string? subjectId = null, string? name = null)
    {
        var (path, heading) = Landing[role];
        await page.FillSignInAsync(platform, role, org, subjectId, name);
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }), path, heading);
    }

    /// <summary>Opens the sign-in page and fills it in, without sending it.</summary>
    public static async Task FillSignInAsync(this IPage page, PortalPlatform platform, string role, string? org = null, string? subjectId = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.OpenAsync(platform, "/sign-in", "Sign in");
        await page.Locator($"input[name='Input.Role'][value='{role}']").CheckAsync();
        if (org is not null) await page.GetByLabel("Organisation code").FillAsync(org);
        if (subjectId is not null) await page.GetByLabel("Ledger id").FillAsync(subjectId);
        if (name is not null) await page.GetByLabel("Your name (optional)").FillAsync(name);
    }

    /// <summary>Runs axe on the page as it is now: no serious or critical violation, and saves a full-page screenshot.</summary>
    public static async Task AccessibleAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        // No navigation is in flight here (every step waited for its page), so this waits for
        // this document's stylesheets, which axe's colour checks need, and cannot race.
        await page.WaitForLoadStateAsync(LoadState.Load);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        var results = await page.RunAxe();
        var blocking = results.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(
            blocking.Count == 0,
            $"axe found serious or critical violations on {name} ({page.Url}):\n" +
            string.Join("\n", blocking.Select(v => $"- {v.Id} ({v.Impact}): {v.Help}; {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}")));
    }

    /// <summary>GOV.UK aims at a reading age of 9; Flesch Reading Ease 70 and up is "easy" to "very easy".</summary>
    public const double EasyReading = 70;

    /// <summary>
    /// The Flesch Reading Ease of everything the page shows a young carer (its whole visible text,
    /// header, navigation and footer included; only the local-mode banner is left out, because no
    /// deployed portal shows it) must be at least <see cref="EasyReading"/>. Scored by an
    /// independent checker (npm's flesch and syllable, tests/Portal/ReadingEase); the text and its
    /// score are saved beside the screenshots.
    /// </summary>
    public static async Task ReadsEasilyAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = await page.EvaluateAsync<string>(
            "() => { const local = [...document.querySelectorAll('.portal-local-banner')]; local.forEach(e => e.style.display = 'none');"
            + " const text = document.body.innerText; local.forEach(e => e.style.display = ''); return text; }");
        var ease = await ReadingEase.ScoreAsync(text);
        Directory.CreateDirectory(ScreenshotFolder);
        await File.WriteAllTextAsync(Path.Combine(ScreenshotFolder, name + ".reading-ease.txt"), $"{ease}\n\n{text}");
        Assert.True(
            ease.Score >= EasyReading,
            $"{name} ({page.Url}) scores {ease.Score:0.0} on Flesch Reading Ease, below {EasyReading}: {ease}. Its text:\n{text}");
    }

    /// <summary>A page a young carer reads: accessible (<see cref="AccessibleAsync"/>) and easy to read (<see cref="ReadsEasilyAsync"/>).</summary>
    public static async Task FitForYoungCarersAsync(this IPage page, string name)
    {
        await page.AccessibleAsync(name);
        await page.ReadsEasilyAsync(name);
    }

    private static async Task ExpectPageAsync(this IPage page, string path, string heading, string step)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(AddressOf(path), new() { Timeout = (float)Arrival.TotalMilliseconds });
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(heading, new() { Timeout = (float)Arrival.TotalMilliseconds });
        }
        catch (PlaywrightException e)
        {
            throw await NotArrivedAsync(page, step, path, heading, e.Message.Split('\n')[0]);
        }
    }

    private static Regex AddressOf(string path) =>
        new("^https?://[^/]+" + Regex.Escape(path).Replace(@"\*", "[^/?#]+", StringComparison.Ordinal) + @"(\?[^#]*)?(#.*)?$", RegexOptions.None);

    private static async Task<PortalPageException> NotArrivedAsync(IPage page, string step, string path, string heading, string why)
    {
        string seen;
        try
        {
            var headings = await page.Locator("h1").AllInnerTextsAsync();
            seen = headings.Count == 0 ? "no h1" : "h1 \"" + string.Join("\" / \"", headings) + "\"";
        }
        catch (PlaywrightException)
        {
            seen = "a page that could not be read";
        }

        return new PortalPageException(
            $"{step}: expected the page {path} with the heading \"{heading}\", but the browser shows {page.Url} with {seen} ({why}). " +
            $"The page's HTML, a screenshot and the Playwright trace are saved under {BrowserFixture.ArtefactFolder}.");
    }
}

/// <summary>A story did not reach the page it expected: says which step, which page, and what was there instead.</summary>
public sealed class PortalPageException(string message) : Exception(message);
