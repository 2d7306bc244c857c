namespace DePin.Index.Chain;

/// <summary>
/// Blocks to process in order: a batch during backfill (the blocks of one scanned range that have triggers, and
/// always the range's last block so the cursor advances), a single block near the chain head (every block, with
/// or without triggers). After processing them the deployment's cursor is <see cref="Last"/>.
/// </summary>
public sealed record ProcessBlocks(IReadOnlyList<BlockWithTriggers> Blocks) : BlockStreamEvent
{
    /// <summary>The last block of the batch: the cursor once the batch is processed.</summary>
    public BlockPtr Last => Blocks[^1].Ptr;

    /// <summary>All triggers of the batch.</summary>
    public int TriggerCount => Blocks.Sum(b => b.Triggers.Count);

    public override string ToString() =>
        Blocks.Count == 1 ? $"ProcessBlocks({Blocks[0].Ptr}, {Blocks[0].Triggers.Count} triggers)"
            : $"ProcessBlocks({Blocks.Count} blocks #{Blocks[0].Ptr.Number}..#{Last.Number}, {TriggerCount} triggers)";
}
