using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Devnet.Chain;

/// <summary>A transaction was mined but reverted, or never mined; the message carries the decoded reason.</summary>
public sealed class TransactionFailedException : Exception
{
    public TransactionFailedException() { }
    public TransactionFailedException(string message) : base(message) { }
    public TransactionFailedException(string message, Exception innerException) : base(message, innerException) { }

    public TransactionFailedException(string label, Hash32 hash, string reason)
        : base($"{label}: transaction {hash} failed: {reason}")
    {
        Label = label;
        Hash = hash;
        Reason = reason;
    }

    public string Label { get; } = "";
    public Hash32 Hash { get; }
    public string Reason { get; } = "";
}
