namespace DePin.Index.Ethereum.Transactions;

/// <summary>
/// Raised when a transaction cannot be encoded (a field out of range) or raw bytes are not a valid signed
/// transaction (unknown type, wrong field count, malformed RLP, bad v or signature). The message names
/// the field; RLP and signature problems are attached as the inner exception.
/// </summary>
public sealed class TransactionException : Exception
{
    public TransactionException()
    {
    }

    public TransactionException(string message) : base(message)
    {
    }

    public TransactionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
