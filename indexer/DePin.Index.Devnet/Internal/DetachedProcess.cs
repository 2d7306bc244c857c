using System.Globalization;

namespace DePin.Index.Devnet.Internal;

/// <summary>
/// Starts a long-running server detached from the calling process: in its own session (setsid), stdin from
/// /dev/null, stdout and stderr appended to a log file, so it outlives `depin devnet up` and holds none of its
/// handles or its terminal. Returns the server's own PID.
/// </summary>
internal static class DetachedProcess
{
    /// <summary>
    /// Runs `setsid FILE ARGS &gt;&gt;LOG 2&gt;&amp;1 &lt;/dev/null &amp;` through /bin/sh and reads `$!`. A non-interactive
    /// shell does not make background jobs group leaders, so setsid(1) calls setsid() and execs FILE in place:
    /// `$!` is FILE's PID. We wait until the PID shows <paramref name="commandName"/> to be sure.
    /// </summary>
    public static async Task<int> StartAsync(
        string file, IEnumerable<string> args, string logPath, string commandName, string workingDirectory,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var script = $"setsid {ShellQuote.Quote(file)} {ShellQuote.Join(args)} >>{ShellQuote.Quote(logPath)} 2>&1 </dev/null & echo $!";
        var result = await ProcessRunner.RunAsync("/bin/sh", ["-c", script], cancellationToken, workingDirectory)
            .ConfigureAwait(false);
        result.EnsureSuccess();
        if (!int.TryParse(result.StandardOutput.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            throw new DevnetException($"could not read the PID of {commandName} from the shell: '{result.StandardOutput.Trim()}'");
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var comm = ProcessTable.CommandName(pid);
            if (comm is not null && comm.StartsWith(commandName, StringComparison.Ordinal)) return pid;
            if (!ProcessTable.IsAlive(pid))
            {
                throw new DevnetException($"{commandName} exited right after start; its log {logPath} ends with:\n{LogTail.Read(logPath)}");
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new DevnetException($"PID {pid} is '{comm}', not {commandName}, 5 s after start");
            }
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }
}
