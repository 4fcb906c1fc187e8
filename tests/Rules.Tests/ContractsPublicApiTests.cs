namespace ConsentPlatform.Rules.Tests;

/// <summary>
/// The published contracts are a promise to every service and to the ledger, which reads old
/// entries back: a change may only add (issue 24's guard, after EventSourcing.NetCore's
/// EventsVersioning sample). The contracts assembly's whole public API, as PublicApiGenerator prints
/// it, must equal the approved snapshot <c>tests/Rules.Tests/Contracts.approved.txt</c>. A rename or a
/// removal fails, naming the lines that went; an addition fails too, so that it is seen in review:
/// approve it with <c>CP_APPROVE_CONTRACTS=1 dotnet test --project tests/Rules.Tests</c>, which
/// rewrites the snapshot, and commit the snapshot with the change.
/// </summary>
public sealed class ContractsPublicApiTests
{
    private const string ApproveSetting = "CP_APPROVE_CONTRACTS";

    [Fact]
    public void The_contracts_public_api_is_the_approved_one_and_nothing_approved_was_removed_or_renamed()
    {
        var current = Normalise(typeof(ShareRulebook).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }));
        var file = ApprovedFile();
        if (Environment.GetEnvironmentVariable(ApproveSetting) == "1")
        {
            File.WriteAllText(file, current);
        }

        var approved = File.Exists(file) ? Normalise(File.ReadAllText(file)) : "";
        var approvedLines = Lines(approved);
        var currentLines = Lines(current);
        var gone = approvedLines.Except(currentLines).ToList();
        var added = currentLines.Except(approvedLines).ToList();

        Assert.True(gone.Count == 0, "Published contracts may only grow: these approved lines were removed or renamed:\n" + string.Join("\n", gone));
        Assert.True(
            added.Count == 0 && current == approved,
            $"The contracts' public API changed; if only by additions, approve it ({ApproveSetting}=1) and commit {file}. Added:\n" + string.Join("\n", added));
    }

    [Fact]
    public void A_property_renamed_in_one_contract_is_seen_as_a_removal_even_where_other_contracts_keep_the_name()
    {
        // The comparison above, on the snapshot with ConsentGranted's ConsentId renamed, as a refactoring would.
        var text = Normalise(File.ReadAllText(ApprovedFile()));
        var start = text.IndexOf("public sealed class ConsentGranted ", StringComparison.Ordinal);
        var member = text.IndexOf("public System.Guid ConsentId { get; init; }", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && member > start, "the snapshot holds ConsentGranted.ConsentId");
        var renamed = text[..member] + "public System.Guid ConsentIdentifier { get; init; }" + text[(member + "public System.Guid ConsentId { get; init; }".Length)..];

        var gone = Lines(text).Except(Lines(renamed)).ToList();

        Assert.Equal([Lines(text).Single(l => l.Contains("class ConsentGranted ", StringComparison.Ordinal) && l.EndsWith(":: public System.Guid ConsentId { get; init; }", StringComparison.Ordinal))], gone);
    }

    private static string Normalise(string api) => api.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    /// <summary>Each member with the type it belongs to, so that a member renamed in one type is not hidden by its namesake in another.</summary>
    private static List<string> Lines(string api)
    {
        var lines = new List<string>();
        var type = "";
        foreach (var line in api.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l is not ("{" or "}")))
        {
            if (line.StartsWith("namespace ", StringComparison.Ordinal) || IsTypeDeclaration(line))
            {
                type = line;
                lines.Add(line);
            }
            else
            {
                lines.Add(type + " :: " + line);
            }
        }

        return lines;
    }

    private static bool IsTypeDeclaration(string line) =>
        line.StartsWith("public ", StringComparison.Ordinal)
        && (line.Contains(" class ", StringComparison.Ordinal) || line.Contains(" enum ", StringComparison.Ordinal)
            || line.Contains(" interface ", StringComparison.Ordinal) || line.Contains(" struct ", StringComparison.Ordinal));

    private static string ApprovedFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConsentPlatform.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "Rules.Tests", "Contracts.approved.txt");
            }
        }

        throw new InvalidOperationException("ConsentPlatform.sln was not found above " + AppContext.BaseDirectory);
    }
}
