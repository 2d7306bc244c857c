using DePin.Index.Ethereum.Rpc.Internal;

namespace DePin.Index.Ethereum.Rpc;

public sealed partial class EthRpc
{
    /// <summary>
    /// eth_getLogs. The answer is parsed while it streams in (memory grows with the logs, not with the JSON);
    /// an answer above <see cref="JsonRpcClientOptions.MaxResponseBytes"/> raises
    /// <see cref="RpcResponseTooLargeException"/>, and a node's "too many results" is a
    /// <see cref="JsonRpcException"/>: ask for a smaller block range.
    /// </summary>
    public Task<IReadOnlyList<Log>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default) =>
        GetLogsAsync(filter, null, cancellationToken);

    /// <summary>As <see cref="GetLogsAsync(LogFilter, CancellationToken)"/> with a per-attempt timeout for this call.</summary>
    public Task<IReadOnlyList<Log>> GetLogsAsync(LogFilter filter, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Client.CallListAsync("eth_getLogs", [filter], LogParser.Parser, timeout, cancellationToken);
    }
}
