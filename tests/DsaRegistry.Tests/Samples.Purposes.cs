namespace ConsentPlatform.DsaRegistry.Tests;

/// <summary>
/// The acceptance scenario's two purposes, the same in the registry's unit and integration tests
/// (the integration tests compile this file too).
/// </summary>
public static partial class Samples
{
    public static PurposeTerms SchoolSupport => new(
        "school-support",
        "So your school can help you with attendance and homework around your caring.",
        ["identity.basic", "caring.role", "education.attendance"],
        new LawfulBasisTerms("consent", null),
        RequiresConsent: true,
        AllowsSafeguardingOverride: true);

    public static PurposeTerms WholeFamilySupport => new(
        "whole-family-support",
        "So the council can plan support for the whole family, including the person you care for.",
        ["identity.basic", "caring.role", "caring.hours", "cared-for.condition"],
        new LawfulBasisTerms("public-task", "health-or-social-care"),
        RequiresConsent: false,
        AllowsSafeguardingOverride: true,
        new Dictionary<string, string?> { ["cared-for.condition"] = CaredForWhy });

    /// <summary>A justification long enough for the rules, for the family member's item that needs one.</summary>
    public const string CaredForWhy = "The family's plan is built around the care the person needs; a short description of the condition is the least that lets it be planned.";
}
