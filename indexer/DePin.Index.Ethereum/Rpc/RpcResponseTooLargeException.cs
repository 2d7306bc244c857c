namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// The answer is larger than <see cref="JsonRpcClientOptions.MaxResponseBytes"/>. Reading stopped when the
/// limit was crossed; the call is not retried (ask for less, e.g. a smaller block range of <c>eth_getLogs</c>).
/// </summary>
public sealed class RpcResponseTooLargeException : RpcProtocolException
{
    public RpcResponseTooLargeException()
    {
    }

    public RpcResponseTooLargeException(string message) : base(message)
    {
    }

    public RpcResponseTooLargeException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    internal RpcResponseTooLargeException(string method, long limit)
        : base(method, $"the answer exceeds MaxResponseBytes ({limit:N0} bytes)", isTransient: false, inner: null)
    {
        Limit = limit;
    }

    /// <summary>The configured limit, in bytes.</summary>
    public long Limit { get; }
}
