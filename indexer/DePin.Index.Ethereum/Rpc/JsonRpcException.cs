using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// The node answered a call with a JSON-RPC error object (<c>{"code", "message", "data"}</c>). Such answers are
/// deterministic for the request (invalid params, execution reverted, unknown method, …) and are never retried.
/// <see cref="Exception.Message"/> reads "<c>method: message (JSON-RPC error code)</c>".
/// </summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException()
    {
        RpcMessage = "";
        Method = "";
    }

    public JsonRpcException(string message) : base(message)
    {
        RpcMessage = message;
        Method = "";
    }

    public JsonRpcException(string message, Exception innerException) : base(message, innerException)
    {
        RpcMessage = message;
        Method = "";
    }

    /// <param name="method">the JSON-RPC method called.</param>
    /// <param name="code">the error object's <c>code</c>.</param>
    /// <param name="rpcMessage">the error object's <c>message</c>.</param>
    /// <param name="data">the error object's <c>data</c> as raw JSON text, or null when absent.</param>
    public JsonRpcException(string method, long code, string rpcMessage, string? data)
        : base($"{method}: {rpcMessage} (JSON-RPC error {code})")
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        DataJson = data;
    }

    /// <summary>The JSON-RPC method of the failed call.</summary>
    public string Method { get; }

    /// <summary>The error code, e.g. -32602 (invalid params), -32601 (method not found), 3 (execution reverted).</summary>
    public long Code { get; }

    /// <summary>The error object's <c>message</c>, as the node wrote it.</summary>
    public string RpcMessage { get; }

    /// <summary>The error object's <c>data</c> member as raw JSON text (e.g. <c>"0x08c379a0…"</c> with its quotes), or null.</summary>
    public string? DataJson { get; }

    /// <summary>
    /// The bytes of <see cref="DataJson"/> when it is a JSON string of hex (the revert data of <c>eth_call</c> and
    /// <c>eth_estimateGas</c>), otherwise null.
    /// </summary>
    public byte[]? DataBytes
    {
        get
        {
            if (DataJson is not { Length: >= 4 } d || d[0] != '"' || d[^1] != '"') return null;
            var inner = d.AsSpan(1, d.Length - 2);
            if (!inner.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || (inner.Length & 1) == 1) return null;
            try
            {
                return Hex.Decode(inner);
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
