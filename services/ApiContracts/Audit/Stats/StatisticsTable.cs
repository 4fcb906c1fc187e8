namespace ConsentPlatform.Audit.Stats.DisclosureControl;

/// <summary>One table as an analyst sees it: every figure already through the rules (a rounded count or "c"). The last row is the total.</summary>
public sealed record StatisticsTable(string Id, string Title, string RowHeading, IReadOnlyList<string> Columns, IReadOnlyList<StatisticsRow> Rows);

/// <summary>A row: what it counts (a purpose, an organisation type, a reason…) and its figures, one per column.</summary>
public sealed record StatisticsRow(string Label, IReadOnlyList<string> Values);
