namespace DePin.Index.Node;

/// <summary>A <see cref="NodeClient"/> call that failed: the node could not be reached, refused the call (its JSON-RPC error message), or the input was wrong.</summary>
public sealed class NodeClientException : Exception
{
    public NodeClientException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    public NodeClientException()
    {
    }

    public NodeClientException(string message) : base(message)
    {
    }

    /// <summary>The JSON-RPC error code when the node answered with an error object.</summary>
    public int? RpcCode { get; init; }
}
