using System.Diagnostics;
using System.Text;
using DePin.Index.Devnet;

namespace DePin.Index.Live.Tests.Clients;

/// <summary>Runs a script of tests/clients with node (its node_modules come from <c>npm ci</c> there, which ./test.sh runs).</summary>
internal sealed class NodeScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly System.Threading.Channels.Channel<string> _lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

    private NodeScript(Process process)
    {
        _process = process;
    }

    public static string ClientsDir => Path.Combine(RepoPaths.Find().Root, "tests", "clients");

    public static NodeScript Start(string script, params string[] args)
    {
        var modules = Path.Combine(ClientsDir, "node_modules");
        Assert.True(Directory.Exists(modules), $"{modules} is missing: run `npm ci` in tests/clients (./test.sh does)");
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = ClientsDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PUPPETEER_SKIP_DOWNLOAD"] = "1";
        var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start node");
        var s = new NodeScript(p);
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                s._lines.Writer.TryComplete();
            }
            else
            {
                s._lines.Writer.TryWrite(e.Data);
            }
        };
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (s._stderr)
                {
                    s._stderr.AppendLine(e.Data);
                }
            }
        };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return s;
    }

    /// <summary>Runs the script to its end; its exit code and whole stdout.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string script, TimeSpan timeout, params string[] args)
    {
        await using var s = Start(script, args);
        s._process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        var output = new StringBuilder();
        try
        {
            await foreach (var line in s._lines.Reader.ReadAllAsync(cts.Token))
            {
                output.AppendLine(line);
            }

            await s._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{script} did not finish within {timeout.TotalSeconds} s; stderr: {s.Stderr}");
        }

        return (s._process.ExitCode, output.ToString(), s.Stderr);
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The next stdout line; fails after <paramref name="timeoutMs"/>.</summary>
    public async Task<string> ReadLineAsync(int timeoutMs = 10_000)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            Assert.Fail($"no line from the script within {timeoutMs} ms (exited: {_process.HasExited}); stderr: {Stderr}");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.Close();
                using var cts = new CancellationTokenSource(2000);
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
