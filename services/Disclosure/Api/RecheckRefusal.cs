using ConsentPlatform.Contracts.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConsentPlatform.Disclosure.Api;

/// <summary>
/// A live re-check that refused (at release or at a read): 409 problem details whose
/// <c>decision</c> carries every reason, after the refusal itself has been recorded.
/// </summary>
public static class RecheckRefusal
{
    public static ProblemHttpResult Of(string title, ShareDecision decision, string path)
    {
        var codes = string.Join(", ", decision.Reasons.Select(r => ReasonWire(r.Code)));
        return TypedResults.Problem(
            detail: $"The live re-check refused: {codes}.",
            instance: path,
            statusCode: StatusCodes.Status409Conflict,
            title: title,
            extensions: new Dictionary<string, object?> { ["decision"] = decision });
    }

    /// <summary>The kebab-case code as it travels (<c>consent-paused</c>).</summary>
    public static string ReasonWire(ReasonCode code) =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(code.ToString());
}
