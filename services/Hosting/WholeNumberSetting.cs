namespace ConsentPlatform.Hosting;

/// <summary>
/// A tuning setting that is a whole number within bounds: its value, or the default when it is not
/// set. Anything else stops the start with the setting's name, its bounds and what it was, rather
/// than a guess running in production.
/// </summary>
public static class WholeNumberSetting
{
    public static int Read(IConfiguration configuration, string setting, int defaultValue, int least, int most, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value)) return defaultValue;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= least && number <= most
            ? number
            : throw new InvalidOperationException($"{setting} must be a whole number{(unit is null ? "" : " of " + unit)} from {least} to {most}; it is '{value}'.");
    }
}
