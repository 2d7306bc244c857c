using System.Diagnostics;
using DePin.Index.Indexing;
using DePin.Index.Store;

namespace DePin.Index.Pipeline.Internal;

/// <summary>
/// Consecutive mapped blocks waiting to be committed together: their entity changes and new data sources, and the cursor (the
/// last block) — with the proof-of-indexing digests the writer chains, one <see cref="WriteBatch"/>, one store transaction.
/// </summary>
internal sealed class PendingBatch
{
    private readonly List<EntityModification> _modifications = [];
    private readonly List<DynamicDataSource> _dataSources = [];

    /// <summary>Stopwatch timestamp of the first block added (0 while empty).</summary>
    public long OpenedAt { get; private set; }

    public Chain.BlockPtr? Cursor { get; private set; }

    /// <summary>The first block added; meaningless while empty.</summary>
    public long FirstBlock { get; private set; }

    public int Blocks { get; private set; }

    public int Handlers { get; private set; }

    public IReadOnlyList<EntityModification> Modifications => _modifications;

    /// <summary>Completed when the batch is committed; failed with the writer's error otherwise.</summary>
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsEmpty => Cursor is null;

    public TimeSpan Age => IsEmpty ? TimeSpan.Zero : Stopwatch.GetElapsedTime(OpenedAt);

    /// <summary>Adds a mapped block (blocks come in increasing order).</summary>
    public void Add(BlockChanges changes)
    {
        if (IsEmpty)
        {
            OpenedAt = Stopwatch.GetTimestamp();
            FirstBlock = changes.Block.Number;
        }

        _modifications.AddRange(changes.Modifications);
        foreach (var ds in changes.CreatedDataSources)
        {
            _dataSources.Add(new DynamicDataSource(ds.Name, checked((int)changes.Block.Number), ds.Address) { Context = ds.Context });
        }

        Cursor = changes.Block;
        Blocks++;
        Handlers += changes.HandlersRun;
    }

    /// <summary>The store's batch, with the digests of the blocks that changed entities.</summary>
    public WriteBatch ToWriteBatch(IReadOnlyList<PoiDigest> pois) =>
        new(Cursor!.Value.ToStore(), _modifications) { Pois = pois, DataSources = _dataSources };
}
