namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>A JSON-RPC error object: code, message and the raw JSON of data (null when absent).</summary>
internal sealed record RpcErrorObject(long Code, string Message, string? Data)
{
    public JsonRpcException ToException(string method) => new(method, Code, Message, Data);
}
