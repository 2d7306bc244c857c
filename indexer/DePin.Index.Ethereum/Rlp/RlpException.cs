namespace DePin.Index.Ethereum.Rlp;

/// <summary>
/// Raised when bytes are not a canonical RLP encoding (truncated data, lengths past the end, non-minimal
/// lengths or integers, trailing bytes, nesting too deep) or a decoded item has the wrong shape for what
/// the caller expects. The message gives the byte offset where one is known.
/// </summary>
public sealed class RlpException : Exception
{
    public RlpException()
    {
    }

    public RlpException(string message) : base(message)
    {
    }

    public RlpException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
