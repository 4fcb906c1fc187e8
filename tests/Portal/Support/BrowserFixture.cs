namespace ConsentPlatform.Portal.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (the Playwright browser download cannot work here and
/// is never attempted): one browser for the suite, a fresh context (cookies) per page. Every
/// context is traced; when a test fails, each of its pages leaves its HTML, a screenshot and the
/// trace under <see cref="ArtefactFolder"/>, which <c>infra/test</c> names at the end of a run.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Where a failed test's pages are kept: one folder per test.</summary>
    public static string ArtefactFolder { get; } = Path.Combine(RepositoryRoot.Find(), ".state", "test-results", "portal");

    private readonly List<IBrowserContext> contexts = [];
    private readonly Lock contextsLock = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: infra/test installs it (apt-get install chromium).");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Title = TestContext.Current.Test?.TestDisplayName });
        lock (contextsLock) contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes the pages a test opened. After a failure, first keeps what a person needs to see what
    /// went wrong: each page's HTML and screenshot, its context's trace, and the portal's and
    /// gateway's logs.
    /// </summary>
    public async Task EndTestAsync(ConsentPlatform.TestSupport.Processes.PlatformProcesses platform, bool keep)
    {
        ArgumentNullException.ThrowIfNull(platform);
        IBrowserContext[] ended;
        lock (contextsLock)
        {
            ended = [.. contexts];
            contexts.Clear();
        }

        var folder = Path.Combine(ArtefactFolder, SafeName(TestContext.Current.Test?.TestDisplayName ?? "test"));
        if (keep) Directory.CreateDirectory(folder);
        for (var c = 0; c < ended.Length; c++)
        {
            var context = ended[c];
            if (keep)
            {
                for (var p = 0; p < context.Pages.Count; p++)
                {
                    var page = context.Pages[p];
                    var name = Path.Combine(folder, $"context{c + 1}-page{p + 1}");
                    await KeepAsync(async () => await File.WriteAllTextAsync(name + ".html", $"<!-- {page.Url} -->\n" + await page.ContentAsync()));
                    await KeepAsync(() => page.ScreenshotAsync(new PageScreenshotOptions { Path = name + ".png", FullPage = true }));
                }

                await KeepAsync(() => context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(folder, $"context{c + 1}-trace.zip") }));
            }
            else
            {
                await KeepAsync(() => context.Tracing.StopAsync());
            }

            await KeepAsync(() => context.CloseAsync());
        }

        if (keep)
        {
            File.WriteAllText(Path.Combine(folder, "portal.log"), platform.Portal.LogTail(400));
            File.WriteAllText(Path.Combine(folder, "gateway.log"), platform.Gateway.LogTail(400));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }

    /// <summary>Saving artefacts of a broken page must not hide the failure that broke it.</summary>
    private static async Task KeepAsync(Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (Exception e) when (e is PlaywrightException or IOException or TimeoutException)
        {
            TestContext.Current.SendDiagnosticMessage($"could not keep a browser artefact: {e.Message}");
        }
    }

    private static string SafeName(string name)
    {
        var method = name.Split('.')[^1];
        var chars = method.Select(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' ? ch : '_').ToArray();
        return new string(chars)[..Math.Min(chars.Length, 120)];
    }
}

/// <summary>
/// The base of every browser test: when the test ends, its pages are closed, and kept first
/// if it failed (xunit sets the test's result before the class is disposed).
/// </summary>
public abstract class BrowserTest(PortalPlatform platform, BrowserFixture browser) : BrowserTest<PortalPlatform>(platform, browser);

/// <summary>A browser test on a platform of its own kind (signed in through an identity provider, say): its pages end with it.</summary>
public abstract class BrowserTest<TPlatform>(TPlatform platform, BrowserFixture browser) : IAsyncDisposable
    where TPlatform : PlatformProcesses
{
    /// <summary>
    /// A sign-in is a chain of redirects, a code redemption and the gateway's answer before the page
    /// renders: on a busy machine more than the suite's 15 s per step. Patience, not a timing goal.
    /// </summary>
    protected static readonly PageWaitForURLOptions Patient = new() { Timeout = 60_000 };

    protected TPlatform Platform { get; } = platform;

    protected BrowserFixture Browser { get; } = browser;

    public async ValueTask DisposeAsync()
    {
        // CP_PORTAL_KEEP=1 keeps every test's pages, to study a slow step that passed.
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        await Browser.EndTestAsync(Platform, keep: failed || Environment.GetEnvironmentVariable("CP_PORTAL_KEEP") == "1");
        GC.SuppressFinalize(this);
    }
}
