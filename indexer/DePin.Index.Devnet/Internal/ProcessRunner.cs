using System.Diagnostics;
using System.Text;

namespace DePin.Index.Devnet.Internal;

/// <summary>Runs a short-lived tool (apt-get, npm, node, initdb, pg_ctl…) to completion and captures its output.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/> (no shell). With <paramref name="runAs"/> and when
    /// running as root, the command runs as that system user through runuser(1). Cancellation kills the tool.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string file,
        IEnumerable<string> args,
        CancellationToken cancellationToken,
        string? workingDirectory = null,
        string? runAs = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var argList = args.ToList();
        if (runAs is not null && SystemUsers.IsRoot)
        {
            argList.InsertRange(0, ["-u", runAs, "--", file]);
            file = SystemUsers.RunUser;
        }
        var command = file + " " + string.Join(' ', argList);
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in argList) psi.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        }

        using var process = new Process { StartInfo = psi };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new DevnetException($"cannot run `{file}`: {ex.Message}", ex);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } t) limit.CancelAfter(t);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            if (cancellationToken.IsCancellationRequested) throw;
            throw new DevnetException($"`{command}` did not finish within {timeout}");
        }
        process.WaitForExit(); // flushes the asynchronous output readers
        string o, e;
        lock (stdout) o = stdout.ToString();
        lock (stderr) e = stderr.ToString();
        return new ProcessResult(command, process.ExitCode, o, e);
    }
}
