namespace DePin.Index.IntegrationTests.Devnet;

/// <summary>Reads /proc for the tests: which processes run with their working directory inside a folder.</summary>
internal static class ProcessProbe
{
    /// <summary>PIDs of live processes whose current directory is <paramref name="dir"/> or below (PostgreSQL backends
    /// run in their data folder, redis and anvil in the devnet folder).</summary>
    public static IReadOnlyList<int> ProcessesWorkingIn(string dir)
    {
        var root = Path.GetFullPath(dir).TrimEnd('/');
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid)) continue;
            try
            {
                var cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).ResolveLinkTarget(returnFinalTarget: false)?.FullName;
                if (cwd is not null && (cwd == root || cwd.StartsWith(root + "/", StringComparison.Ordinal)) && IsAlive(pid))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
