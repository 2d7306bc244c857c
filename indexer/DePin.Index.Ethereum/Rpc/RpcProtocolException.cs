namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// The node's answer is not a valid JSON-RPC 2.0 answer to the request: not JSON, truncated, a wrong or
/// missing id, neither <c>result</c> nor <c>error</c>, or a result whose shape or types do not fit the method
/// (e.g. a block number that is not a hex quantity). Truncated and non-JSON bodies are retried first;
/// <see cref="Attempts"/> says how many attempts were made.
/// </summary>
public class RpcProtocolException : Exception
{
    private readonly string _detail;

    public RpcProtocolException() : this("malformed JSON-RPC answer")
    {
    }

    public RpcProtocolException(string message) : this(message, (Exception?)null)
    {
    }

    public RpcProtocolException(string message, Exception? innerException) : base(message, innerException)
    {
        _detail = message;
        Method = "";
    }

    internal RpcProtocolException(string method, string detail, bool isTransient, Exception? inner)
        : base($"{method}: {detail}", inner)
    {
        _detail = $"{method}: {detail}";
        Method = method;
        IsTransient = isTransient;
    }

    /// <summary>The JSON-RPC method (or "batch of N") whose answer was malformed.</summary>
    public string Method { get; }

    /// <summary>How many attempts were made (1 + retries).</summary>
    public int Attempts { get; internal set; } = 1;

    internal bool IsTransient { get; }

    public override string Message =>
        Attempts == 1 ? _detail : $"{_detail} (after {Attempts} attempts)";
}
