using System.Globalization;
using DePin.Index.Devnet.Internal;

namespace DePin.Index.Devnet;

/// <summary>
/// An anvil process on 127.0.0.1, started detached (own session, output to its log file). The devnet keeps only
/// its <see cref="Record"/> so anvil outlives the CLI; a test keeps the object and disposing it stops anvil:
/// <code>await using var anvil = await AnvilServer.StartAsync(new AnvilSettings { BinaryPath = …, LogPath = … });</code>
/// </summary>
public sealed class AnvilServer : IAsyncDisposable
{
    private const string CommandName = "anvil";
    private readonly TimeSpan _stopGrace;

    private AnvilServer(ServiceRecord record, long chainId, TimeSpan stopGrace)
    {
        Record = record;
        ChainId = chainId;
        _stopGrace = stopGrace;
    }

    public ServiceRecord Record { get; }

    public long ChainId { get; }

    /// <summary>The JSON-RPC endpoint, http://127.0.0.1:PORT.</summary>
    public Uri RpcUrl => new(Record.Url);

    /// <summary>Starts anvil and waits until eth_chainId answers with the configured chain id.</summary>
    public static async Task<AnvilServer> StartAsync(AnvilSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(settings.BinaryPath))
        {
            throw new DevnetException($"anvil not found at {settings.BinaryPath}: run `npm ci` in deploy/");
        }
        var port = settings.Port > 0 ? settings.Port : FreePort.Any();
        var args = new List<string>
        {
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--chain-id", settings.ChainId.ToString(CultureInfo.InvariantCulture),
            "--gas-limit", settings.BlockGasLimit.ToString(CultureInfo.InvariantCulture),
            "--silent",
            // Pending transactions are mined in arrival order, so a client that mines by hand (the simulator packs
            // many transactions per block) keeps its order across senders.
            "--order", "fifo",
            // A base fee of 0 stays 0 (EIP-1559 scales it): full blocks of simulated activity never price out the
            // pending transactions of a devnet.
            "--block-base-fee-per-gas", "0",
        };
        if (settings.BlockTimeSeconds is { } blockTime)
        {
            args.AddRange(["--block-time", blockTime.ToString(CultureInfo.InvariantCulture)]);
        }
        if (settings.StatePath is not null) args.AddRange(["--state", Path.GetFullPath(settings.StatePath)]);

        var log = Path.GetFullPath(settings.LogPath);
        var startedAt = DateTimeOffset.UtcNow;
        var pid = await DetachedProcess.StartAsync(settings.BinaryPath, args, log, CommandName,
            Path.GetDirectoryName(log)!, cancellationToken).ConfigureAwait(false);
        var record = new ServiceRecord(pid, port, $"http://127.0.0.1:{port}", log, startedAt, CommandName,
            ProcessTable.StartTicks(pid));
        var server = new AnvilServer(record, settings.ChainId, settings.StopGrace);

        var deadline = DateTime.UtcNow + settings.StartTimeout;
        while (!await IsAnsweringAsync(record, settings.ChainId, cancellationToken).ConfigureAwait(false))
        {
            if (!ProcessTable.IsAlive(pid))
            {
                throw new DevnetException($"anvil (port {port}) exited during start; {log} ends with:\n{LogTail.Read(log)}");
            }
            if (DateTime.UtcNow >= deadline)
            {
                await server.StopAsync(cancellationToken).ConfigureAwait(false);
                throw new DevnetException($"anvil did not answer eth_chainId on port {port} within {settings.StartTimeout}");
            }
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
        return server;
    }

    /// <summary>The chain id anvil reports at <paramref name="rpcUrl"/>, or null when it does not answer.</summary>
    public static async Task<long?> ChainIdAsync(Uri rpcUrl, CancellationToken cancellationToken = default)
    {
        var hex = await RawJsonRpc.TryCallAsync(rpcUrl, "eth_chainId", "[]", cancellationToken).ConfigureAwait(false);
        if (hex is null || !hex.StartsWith("0x", StringComparison.Ordinal)) return null;
        return long.TryParse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>True when the recorded process is alive and answers eth_chainId with <paramref name="chainId"/>.</summary>
    public static async Task<bool> IsAnsweringAsync(ServiceRecord record, long chainId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.IsProcessAlive()
            && await ChainIdAsync(new Uri(record.Url), cancellationToken).ConfigureAwait(false) == chainId;
    }

    /// <summary>True when the chain has contract code at <paramref name="address"/> (0x-address), false if not or no answer.</summary>
    public static async Task<bool> HasCodeAsync(Uri rpcUrl, string address, CancellationToken cancellationToken = default)
    {
        var code = await RawJsonRpc.TryCallAsync(rpcUrl, "eth_getCode", $"[\"{address}\",\"latest\"]", cancellationToken)
            .ConfigureAwait(false);
        return code is { Length: > 2 };
    }

    /// <summary>Stops the recorded anvil: SIGTERM (it then writes its --state file), SIGKILL after the grace time.</summary>
    public static Task StopAsync(ServiceRecord record, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.IsProcessAlive() ? ProcessTable.StopAsync(record.Pid, grace, cancellationToken) : Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => StopAsync(Record, _stopGrace, cancellationToken);

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
