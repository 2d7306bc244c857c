namespace DePin.Index.Chain.Internal;

/// <summary>
/// Where a stream is: the cursor (last block handed out, or the revert target), the recent chain and the data
/// sources. The consumer's copy advances with each event it receives; the background reader works on a clone and
/// applies the same events as it produces them.
/// </summary>
internal sealed class StreamState
{
    public StreamState(BlockPtr? cursor, RecentChain chain, TriggerFilter filter)
    {
        Cursor = cursor;
        Chain = chain;
        Filter = filter;
    }

    public BlockPtr? Cursor { get; private set; }

    public RecentChain Chain { get; }

    public TriggerFilter Filter { get; set; }

    /// <summary>The first block not yet handed out.</summary>
    public long Next => Cursor is { } c ? c.Number + 1 : Filter.FirstBlock ?? 0;

    public void Apply(BlockStreamEvent e)
    {
        switch (e)
        {
            case ProcessBlocks p:
                foreach (var b in p.Blocks) Chain.Add(b.Ptr);
                Cursor = p.Last;
                break;
            case Revert r:
                RewindTo(r.To);
                Filter = Filter.RemoveCreatedAfter(r.To.Number);
                break;
        }
    }

    /// <summary>Makes <paramref name="block"/> the cursor and forgets everything above it.</summary>
    public void RewindTo(BlockPtr block)
    {
        Chain.TrimAbove(block.Number);
        if (!Chain.TryGet(block.Number, out _)) Chain.Add(block);
        Cursor = block;
    }

    public StreamState Clone() => new(Cursor, Chain.Clone(), Filter);
}
