namespace ConsentPlatform.Portal.Tests.Support;

/// <summary>The real platform with the portal as its sixth process, behind the gateway at <c>/</c>.</summary>
public sealed class PortalPlatform : PlatformProcesses
{
    protected override bool IncludesPortal => true;

    /// <summary>
    /// The browser stories run beside every other suite on a small machine: a live check gets
    /// 10 s instead of 2 s, so that a slow moment is not mistaken for the fail-closed path that
    /// the disclosure suites test on purpose.
    /// </summary>
    protected override IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ExtraSettings { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["disclosure"] = new Dictionary<string, string> { ["Disclosure__CheckTimeout"] = "00:00:10" },
        };

    /// <summary>Where a browser opens the portal: the gateway, as a user would.</summary>
    public string Url(string path = "/") => new Uri(Gateway.BaseAddress, path).ToString();
}
