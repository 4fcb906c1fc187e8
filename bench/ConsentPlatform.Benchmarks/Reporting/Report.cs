namespace ConsentPlatform.Benchmarks.Reporting;

/// <summary>A goal of issue 9 against what was measured.</summary>
public sealed record Goal(string Measurement, string Target, string Measured, bool? Met, string? Note = null);

/// <summary>A titled table (Markdown and console) whose rows are also kept as data for the JSON file.</summary>
public sealed record Table(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, object Data, string? Note = null);

/// <summary>Everything one run measured, written as JSON and Markdown under <c>bench/results/</c>.</summary>
public sealed class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public Dictionary<string, string> Machine { get; } = [];
    public Dictionary<string, string> Settings { get; } = [];
    public List<Table> Tables { get; } = [];
    public List<Goal> Goals { get; } = [];
    public List<string> Notes { get; } = [];

    public void Add(Table table)
    {
        Tables.Add(table);
        Console.WriteLine();
        Console.WriteLine(ToMarkdown(table));
    }

    public static string Num(double value, int decimals = 0) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public (string Json, string Markdown) Write(string folder, string stamp)
    {
        Directory.CreateDirectory(folder);
        var jsonPath = Path.Combine(folder, $"bench-{stamp}.json");
        var markdownPath = Path.Combine(folder, $"bench-{stamp}.md");
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(new
        {
            machine = Machine,
            settings = Settings,
            goals = Goals,
            tables = Tables.Select(t => new { t.Title, t.Note, data = t.Data }),
            notes = Notes,
        }, Json));
        File.WriteAllText(markdownPath, ToMarkdown());
        return (jsonPath, markdownPath);
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# ConsentPlatform benchmark — {Settings.GetValueOrDefault("started")}");
        md.AppendLine();
        md.AppendLine("| machine | |");
        md.AppendLine("| --- | --- |");
        foreach (var (key, value) in Machine) md.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {value} |");
        md.AppendLine();
        md.AppendLine("| setting | |");
        md.AppendLine("| --- | --- |");
        foreach (var (key, value) in Settings) md.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {value} |");
        md.AppendLine();
        md.AppendLine("## Goals");
        md.AppendLine();
        md.AppendLine("| measurement | goal | measured | met |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var goal in Goals)
        {
            var met = goal.Met switch { true => "yes", false => "**no**", null => "n/a" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {goal.Measurement} | {goal.Target} | {goal.Measured}{(goal.Note is null ? "" : " — " + goal.Note)} | {met} |");
        }

        foreach (var table in Tables)
        {
            md.AppendLine();
            md.AppendLine(ToMarkdown(table));
        }

        if (Notes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var note in Notes) md.AppendLine("- " + note);
        }

        return md.ToString();
    }

    private static string ToMarkdown(Table table)
    {
        var md = new StringBuilder();
        md.AppendLine("## " + table.Title);
        md.AppendLine();
        if (table.Note is not null)
        {
            md.AppendLine(table.Note);
            md.AppendLine();
        }

        md.AppendLine("| " + string.Join(" | ", table.Columns) + " |");
        md.AppendLine("|" + string.Concat(table.Columns.Select(_ => " --- |")));
        foreach (var row in table.Rows) md.AppendLine("| " + string.Join(" | ", row) + " |");
        return md.ToString();
    }
}
