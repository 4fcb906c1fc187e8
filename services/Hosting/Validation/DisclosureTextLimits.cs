namespace ConsentPlatform.Hosting.Validation;

/// <summary>
/// The disclosure service's limit on free text (a justification, a rationale, a reason), here so
/// that the portal's forms check exactly what the service checks (issue 24, one validation).
/// </summary>
public static class DisclosureTextLimits
{
    public const int MaxTextLength = 2000;
}
