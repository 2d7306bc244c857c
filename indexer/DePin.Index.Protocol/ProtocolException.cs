namespace DePin.Index.Protocol;

/// <summary>A protocol operation failed: bad input, a node answer that makes no sense, or (subclass) a contract revert.</summary>
public class ProtocolException : Exception
{
    public ProtocolException() { }
    public ProtocolException(string message) : base(message) { }
    public ProtocolException(string message, Exception innerException) : base(message, innerException) { }
}
