using System.Diagnostics;
using DePin.Index.Devnet;
using DePin.Index.Node;

namespace DePin.Index.Cli.Commands;

/// <summary>The steps of `depin up` that are not the devnet's or the simulator's own: the node as a service, building and deploying subgraphs.</summary>
internal static class UpCommandSteps
{
    /// <summary>
    /// The subgraphs `up` deploys, by name and folder (relative to the repository). The protocol's network subgraph
    /// (subgraphs/network) is deployed as well once its folder exists.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Folder)> Subgraphs = [("depin", "subgraphs/depin"), ("network", "subgraphs/network")];

    /// <summary>The running devnet node when its PID is alive and it answers; else starts one on free ports (graph-node's when free) and records it.</summary>
    public static async Task<(DevnetState State, bool Started)> EnsureNodeAsync(string devnetDir, DevnetState state, IProgress<string> progress, CancellationToken ct)
    {
        if (state is { Node: { } running, NodeEndpoints: { } known } && running.IsProcessAlive() && await NodeService.IsAnsweringAsync(known, ct))
        {
            progress.Report($"node: reusing pid {running.Pid} ({known.StatusUrl})");
            return (state, false);
        }

        if (state.Node is { } stale && stale.IsProcessAlive())
        {
            progress.Report($"node: pid {stale.Pid} does not answer; stopping it");
            await NodeService.StopAsync(stale, TimeSpan.FromSeconds(10), ct);
        }

        var tokenFile = DevnetAdminToken.PathIn(devnetDir);
        DevnetAdminToken.Ensure(devnetDir);
        var taken = new List<int>();
        int Port(int preferred)
        {
            var port = FreePort.Pick(preferred, taken);
            taken.Add(port);
            return port;
        }

        var endpoints = new NodeEndpoints(Port(NodeOptions.DefaultHttpPort), NodeOptions.DefaultWsPort, Port(NodeOptions.DefaultAdminPort),
            Port(NodeOptions.DefaultStatusPort), Port(NodeOptions.DefaultMetricsPort), Port(NodeOptions.DefaultIpfsPort), NodeOptions.DefaultNodeId);
        var (file, prefix) = SelfCommand();
        string[] args =
        [
            .. prefix, "node", "--dir", devnetDir,
            "--postgres-url", state.PostgresUrl ?? throw new InvalidOperationException("the devnet's PostgreSQL is not running"),
            "--ethereum-rpc", $"{DevnetState.NetworkName}:{state.RpcUrl ?? throw new InvalidOperationException("the devnet's anvil is not running")}",
            "--admin-token-file", tokenFile, "--node-id", endpoints.NodeId,
            "--http-port", Str(endpoints.HttpPort), "--admin-port", Str(endpoints.AdminPort), "--status-port", Str(endpoints.StatusPort),
            "--metrics-port", Str(endpoints.MetricsPort), "--ipfs", endpoints.IpfsUrl,
            "--deployments-dir", Path.Combine(devnetDir, "node", "deployments"),
        ];
        progress.Report($"node: starting (log {Path.Combine(devnetDir, NodeService.LogFile)})");
        var record = await NodeService.StartAsync(devnetDir, file, args, endpoints, TimeSpan.FromSeconds(60), ct);
        var saved = DevnetState.Load(devnetDir) ?? state;
        saved.Node = record;
        saved.NodeEndpoints = endpoints;
        saved.Save(devnetDir);
        progress.Report($"node: started, pid {record.Pid}, GraphQL {endpoints.HttpUrl}, admin {endpoints.AdminUrl}, status {endpoints.StatusUrl}");
        return (saved, true);
    }

    /// <summary>How to run this same command line again: the apphost, or `dotnet depin.dll`.</summary>
    public static (string File, string[] Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(UpCommandSteps).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? (process, [assembly]) : (process, []);
    }

    /// <summary>subgraphs/build.sh for the named subgraphs, rendered with this devnet's contracts (a no-op when up to date).</summary>
    public static async Task BuildSubgraphsAsync(string root, string devnetDir, IReadOnlyList<string> folders, IProgress<string> progress, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(root, "subgraphs", "build.sh"), .. folders])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DEPIN_DEVNET_STATE"] = DevnetState.PathIn(devnetDir);
        progress.Report($"subgraphs: build.sh {string.Join(' ', folders.Select(Path.GetFileName))}");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start bash for subgraphs/build.sh");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"subgraphs/build.sh failed ({process.ExitCode}):\n{await stdout}{await stderr}");
        }
    }

    private static string Str(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
