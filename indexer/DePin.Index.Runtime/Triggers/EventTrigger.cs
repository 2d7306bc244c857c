using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Runtime.Triggers;

/// <summary>
/// A decoded log for an event handler (<c>ethereum.Event</c>). <see cref="Receipt"/> is passed
/// to the mapping only when the handler declares <c>receipt: true</c> (apiVersion ≥ 0.0.7).
/// </summary>
public sealed record EventTrigger : MappingTrigger
{
    public required Address LogAddress { get; init; }

    public BigInteger LogIndex { get; init; }

    public BigInteger TransactionLogIndex { get; init; }

    /// <summary>Non-standard log type; usually null.</summary>
    public string? LogType { get; init; }

    public required TransactionData Transaction { get; init; }

    public IReadOnlyList<EventParam> Parameters { get; init; } = [];

    public TransactionReceiptData? Receipt { get; init; }
}
