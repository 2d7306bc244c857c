using System.Diagnostics;
using System.Globalization;
using DePin.Index.Devnet;

namespace DePin.Index.Node.Tests.Fixtures;

/// <summary>
/// `depin node` in a child process (`dotnet depin.dll node …`, the command line this project references) on ports picked here,
/// with its output kept for failure messages. <see cref="Kill"/> is SIGKILL: nothing runs in the node after it.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringWriter _output = new();

    private NodeProcess(Process process, NodeEndpoints endpoints)
    {
        _process = process;
        Endpoints = endpoints;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public NodeEndpoints Endpoints { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public NodeClient Client() => new(new Uri(Endpoints.AdminUrl), new Uri(Endpoints.IpfsUrl), new Uri(Endpoints.StatusUrl), IndexedNode.Token);

    /// <summary>Starts the node with the same endpoints as <paramref name="reuse"/> (a restart) or new free ports, and waits until its status API answers.</summary>
    public static async Task<NodeProcess> StartAsync(string connectionString, Uri rpcUrl, string dir, NodeEndpoints? reuse = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var endpoints = reuse ?? new NodeEndpoints(FreePort.Pick(), 8001, FreePort.Pick(), FreePort.Pick(), FreePort.Pick(), FreePort.Pick(), "default");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        foreach (var a in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "depin.dll"), "node", "--dir", dir, "--postgres-url", connectionString,
                     "--ethereum-rpc", $"devnet:{rpcUrl}", "--http-port", Str(endpoints.HttpPort), "--admin-port", Str(endpoints.AdminPort),
                     "--status-port", Str(endpoints.StatusPort), "--metrics-port", Str(endpoints.MetricsPort), "--ipfs", endpoints.IpfsUrl,
                     "--deployments-dir", Path.Combine(dir, "deployments"),
                 })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DEPIN_ADMIN_TOKEN"] = IndexedNode.Token;
        psi.Environment["DEPIN_LOG_LEVEL"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[name] = value;
        }

        var node = new NodeProcess(Process.Start(psi) ?? throw new InvalidOperationException("cannot start dotnet"), endpoints);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await NodeService.IsAnsweringAsync(endpoints, CancellationToken.None))
        {
            if (node.HasExited || DateTime.UtcNow > deadline)
            {
                node.Kill();
                throw new InvalidOperationException($"the node did not come up (exit {(node.HasExited ? node.ExitCode : -1)}):\n{node.Output}");
            }

            await Task.Delay(100);
        }

        return node;
    }

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM (what Ctrl-C or `devnet down` sends) and waits for a clean exit; the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.WriteLine(line);
        }
    }
}
