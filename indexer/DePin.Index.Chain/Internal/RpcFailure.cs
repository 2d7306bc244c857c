using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Internal;

/// <summary>The one place that classifies failures of the stream's steps.</summary>
internal static class RpcFailure
{
    // What nodes and providers answer when an eth_getLogs range is too large (geth, erigon, alchemy, infura, quicknode, anvil …).
    private static readonly string[] TooLargeMarkers =
    [
        "too many results", "query returned more than", "limit exceeded", "response size", "too large", "range is too",
        "exceed", "block range", "timeout", "timed out", "max results", "too many logs",
    ];

    /// <summary>True for an answer that a smaller eth_getLogs range can avoid.</summary>
    public static bool IsRangeTooLarge(Exception e) => e switch
    {
        RpcResponseTooLargeException => true,
        RpcTransportException { IsTimeout: true } => true,
        JsonRpcException j => j.Code == -32005 || TooLargeMarkers.Any(m => j.RpcMessage.Contains(m, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    /// <summary>
    /// True for failures that retrying cannot cure: the request is wrong (-32600 invalid request, -32601 unknown
    /// method, -32602 invalid params unless it reads as a range limit), a trigger error, a bug.
    /// </summary>
    public static bool IsFatal(Exception e) => e switch
    {
        JsonRpcException j when IsRangeTooLarge(j) => false,
        JsonRpcException { Code: -32600 or -32601 or -32602 } => true,
        TriggerException or NotSupportedException or ArgumentException or InvalidOperationException or BlockStreamException => true,
        _ => false,
    };
}
