using System.Text.RegularExpressions;
using ConsentPlatform.Hosting.Problems;
using ConsentPlatform.Hosting.Validation;

namespace ConsentPlatform.Audit.Api;

/// <summary>The brief's identifier patterns, checked on query strings; every bad field is named at once.</summary>
public sealed class QueryValidation
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public QueryValidation Id(string field, string? value)
    {
        // Subject and organisation ids share one pattern.
        if (value is not null && !Vocabulary.OrgId().IsMatch(value)) errors[field] = ["1 to 64 letters, digits or hyphens."];
        return this;
    }

    public QueryValidation Purpose(string field, string? value)
    {
        if (value is not null && !Vocabulary.Purpose().IsMatch(value)) errors[field] = ["1 to 64 lower-case letters, digits or hyphens."];
        return this;
    }

    public QueryValidation Range(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f && to is { } t && f > t) errors["to"] = ["Must not be before 'from'."];
        return this;
    }

    public QueryValidation That(bool condition, string field, string message)
    {
        if (!condition) errors[field] = [message];
        return this;
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0) throw new RequestValidationException(errors);
    }
}
