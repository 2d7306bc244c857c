using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// An event log as <c>eth_getLogs</c> and receipts return it. <see cref="BlockTimestamp"/> is set when the node
/// includes <c>blockTimestamp</c> (anvil and recent geth do), otherwise null.
/// </summary>
public sealed record Log(
    Address Address,
    Hash32[] Topics,
    byte[] Data,
    long BlockNumber,
    Hash32 BlockHash,
    Hash32 TransactionHash,
    int TransactionIndex,
    int LogIndex,
    bool Removed)
{
    /// <summary>The block's timestamp (Unix seconds), when the node sends it.</summary>
    public long? BlockTimestamp { get; init; }
}
