namespace ConsentPlatform.Benchmarks.Reporting;

/// <summary>What the figures were measured on: CPU, memory, load, commit, runtime.</summary>
public static class MachineInfo
{
    public static void Describe(Report report, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        report.Machine["cpu"] = cpu;
        report.Machine["nproc"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
        report.Machine["memory"] = memory;
        report.Machine["os"] = RuntimeInformation.OSDescription;
        report.Machine["runtime"] = RuntimeInformation.FrameworkDescription;
        report.Machine["commit"] = Git(repositoryRoot, "rev-parse --short HEAD") + (Git(repositoryRoot, "status --porcelain --untracked-files=no").Length > 0 ? " (work tree has uncommitted changes)" : "");
        report.Machine["load average at start"] = LoadAverage();
    }

    public static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Git(string root, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{root}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
