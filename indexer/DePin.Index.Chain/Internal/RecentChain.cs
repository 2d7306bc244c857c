namespace DePin.Index.Chain.Internal;

/// <summary>
/// The pointers of the blocks the consumer was given (ascending, possibly with gaps during backfill), capped to
/// the newest <c>capacity</c>: what a reorg is checked against and walked back through.
/// </summary>
internal sealed class RecentChain
{
    private readonly List<BlockPtr> _blocks;
    private readonly int _capacity;

    public RecentChain(int capacity, IEnumerable<BlockPtr>? blocks = null)
    {
        _capacity = capacity;
        _blocks = blocks?.ToList() ?? [];
    }

    public int Count => _blocks.Count;

    /// <summary>Newest first.</summary>
    public IEnumerable<BlockPtr> NewestFirst()
    {
        for (var i = _blocks.Count - 1; i >= 0; i--) yield return _blocks[i];
    }

    public BlockPtr? Oldest => _blocks.Count == 0 ? null : _blocks[0];

    public void Add(BlockPtr block)
    {
        TrimAbove(block.Number - 1);
        _blocks.Add(block);
        if (_blocks.Count > _capacity) _blocks.RemoveRange(0, _blocks.Count - _capacity);
    }

    /// <summary>Forgets the blocks above <paramref name="number"/>.</summary>
    public void TrimAbove(long number)
    {
        var i = _blocks.Count;
        while (i > 0 && _blocks[i - 1].Number > number) i--;
        if (i < _blocks.Count) _blocks.RemoveRange(i, _blocks.Count - i);
    }

    /// <summary>The recorded hash at <paramref name="number"/>, if that block was given to the consumer.</summary>
    public bool TryGet(long number, out BlockPtr block)
    {
        var lo = 0;
        var hi = _blocks.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var n = _blocks[mid].Number;
            if (n == number)
            {
                block = _blocks[mid];
                return true;
            }
            if (n < number) lo = mid + 1;
            else hi = mid - 1;
        }
        block = default;
        return false;
    }

    public RecentChain Clone() => new(_capacity, _blocks);
}
