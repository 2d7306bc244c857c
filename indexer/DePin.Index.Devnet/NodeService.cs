using DePin.Index.Devnet.Internal;

namespace DePin.Index.Devnet;

/// <summary>
/// The devnet's index node as a background service, like the other servers: started detached (own session, output to
/// DIR/node.log), recorded in state.json (<see cref="DevnetState.Node"/> + <see cref="DevnetState.NodeEndpoints"/>), stopped by
/// <see cref="LocalDevnet.DownAsync"/> (SIGTERM, SIGKILL after 30 s). The caller says how to run <c>depin node</c>.
/// </summary>
public static class NodeService
{
    public const string LogFile = "node.log";

    /// <summary>The command name the kernel shows for the node (<c>dotnet</c> when run through the dotnet host, else the apphost).</summary>
    public static string CommandNameOf(string file) => Path.GetFileName(file) is { Length: > 0 } name ? name[..Math.Min(name.Length, 15)] : "dotnet";

    /// <summary>
    /// Starts <paramref name="file"/> <paramref name="args"/> detached and waits until its status port answers (or it exits,
    /// with the end of its log in the error). Returns its record.
    /// </summary>
    public static async Task<ServiceRecord> StartAsync(string devnetDir, string file, IReadOnlyList<string> args, NodeEndpoints endpoints,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var log = Path.Combine(devnetDir, LogFile);
        var commandName = CommandNameOf(file);
        var started = DateTimeOffset.UtcNow;
        var pid = await DetachedProcess.StartAsync(file, args, log, commandName, devnetDir, cancellationToken).ConfigureAwait(false);
        var record = new ServiceRecord(pid, endpoints.HttpPort, endpoints.HttpUrl, log, started, commandName, ProcessTable.StartTicks(pid));
        var deadline = DateTime.UtcNow + timeout;
        while (!await IsAnsweringAsync(endpoints, cancellationToken).ConfigureAwait(false))
        {
            if (!ProcessTable.IsAlive(pid))
            {
                throw new DevnetException($"the node exited right after start; {log} ends with:\n{LogTail.Read(log)}");
            }

            if (DateTime.UtcNow >= deadline)
            {
                await ProcessTable.StopAsync(pid, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                throw new DevnetException($"the node did not answer on {endpoints.StatusUrl} within {timeout.TotalSeconds:0} s; {log} ends with:\n{LogTail.Read(log)}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        return record;
    }

    /// <summary>True when the node's status API answers.</summary>
    public static async Task<bool> IsAnsweringAsync(NodeEndpoints endpoints, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(endpoints.StatusUrl + "/status"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Stops the recorded node (SIGTERM: it stops its runners cleanly; SIGKILL after <paramref name="grace"/>).</summary>
    public static Task StopAsync(ServiceRecord record, TimeSpan grace, CancellationToken cancellationToken) =>
        record.IsProcessAlive() ? ProcessTable.StopAsync(record.Pid, grace, cancellationToken) : Task.CompletedTask;
}
