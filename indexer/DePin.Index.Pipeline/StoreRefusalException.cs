using DePin.Index.Store;
using BlockPtr = DePin.Index.Chain.BlockPtr;

namespace DePin.Index.Pipeline;

/// <summary>
/// The store refused to commit a batch of blocks (<see cref="StoreException"/> from the write): which blocks, and why. The
/// <see cref="ErrorClassifier"/> decides from <see cref="InnerException"/> whether the refusal is deterministic; a deterministic
/// refusal of several blocks is narrowed down by retrying them one block per transaction, so the deployment fails at the exact
/// block the store cannot take.
/// </summary>
public sealed class StoreRefusalException : Exception
{
    public StoreRefusalException(long firstBlock, BlockPtr lastBlock, StoreException inner)
        : base($"the store refused blocks {firstBlock}..{lastBlock.Number}: {inner?.Message}", inner)
    {
        FirstBlock = firstBlock;
        LastBlock = lastBlock;
    }

    public StoreRefusalException()
    {
    }

    public StoreRefusalException(string message) : base(message)
    {
    }

    public StoreRefusalException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The lowest block of the refused batch.</summary>
    public long FirstBlock { get; }

    /// <summary>The batch's cursor (its last block).</summary>
    public BlockPtr LastBlock { get; }

    /// <summary>True when the batch held one block: a deterministic refusal is then that block's.</summary>
    public bool IsSingleBlock => FirstBlock == LastBlock.Number;
}
