namespace ConsentPlatform.AppHost.Tests;

/// <summary>
/// The processes an AppHost started: its children, and the orchestrator (dcp) that runs detached
/// with <c>--monitor &lt;AppHost pid&gt;</c>, with everything below them (the dashboard, the apps).
/// The same rule as <c>apphost_tree</c> in infra/lib.sh.
/// </summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> Of(int appHost)
    {
        var processes = Snapshot();
        var roots = processes.Where(p => p.Parent == appHost
                                         || (p.CommandLine.Contains("/dcp start-apiserver", StringComparison.Ordinal)
                                             && p.CommandLine.Contains($"--monitor {appHost} ", StringComparison.Ordinal)))
            .Select(p => p.Pid);
        var found = new List<int>();
        var queue = new Queue<int>(roots);
        while (queue.TryDequeue(out var pid))
        {
            found.Add(pid);
            foreach (var child in processes.Where(p => p.Parent == pid)) queue.Enqueue(child.Pid);
        }

        return found;
    }

    /// <summary>Waits until every process is gone; SIGKILL for what is left after <paramref name="timeout"/>.</summary>
    public static async Task WaitGoneAsync(IReadOnlyList<int> pids, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (pids.Any(Alive) && DateTimeOffset.UtcNow < deadline) await Task.Delay(200);
        foreach (var pid in pids.Where(Alive))
        {
            try
            {
                using var left = Process.GetProcessById(pid);
                left.Kill();
            }
            catch (ArgumentException)
            {
                // Gone meanwhile.
            }
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static List<(int Pid, int Parent, string CommandLine)> Snapshot()
    {
        var list = new List<(int, int, string)>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                list.Add((pid, parent, commandLine));
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return list;
    }
}
