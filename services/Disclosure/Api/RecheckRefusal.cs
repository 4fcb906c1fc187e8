namespace ConsentPlatform.Disclosure.Api;

/// <summary>
/// A live re-check that refused (at release or at a read): a 409 refusal whose problem's
/// <c>decision</c> carries every reason, returned after the refusal itself has been recorded.
/// </summary>
public static class RecheckRefusal
{
    public static Refusal Of(string title, ShareDecision decision)
    {
        var codes = string.Join(", ", decision.Reasons.Select(r => ReasonWire(r.Code)));
        return Refusal.Conflict($"The live re-check refused: {codes}.") with
        {
            Title = title,
            Extensions = new Dictionary<string, object?> { ["decision"] = decision },
        };
    }

    /// <summary>The kebab-case code as it travels (<c>consent-paused</c>).</summary>
    public static string ReasonWire(ReasonCode code) =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(code.ToString());
}
