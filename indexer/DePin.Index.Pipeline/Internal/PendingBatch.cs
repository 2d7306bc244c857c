using System.Diagnostics;
using DePin.Index.Indexing;
using DePin.Index.Store;

namespace DePin.Index.Pipeline.Internal;

/// <summary>
/// Consecutive mapped blocks waiting to be committed together: their entity changes, proof-of-indexing digests and new data
/// sources, and the cursor (the last block) — one <see cref="WriteBatch"/>, one store transaction.
/// </summary>
internal sealed class PendingBatch
{
    private readonly List<EntityModification> _modifications = [];
    private readonly List<PoiDigest> _pois = [];
    private readonly List<DynamicDataSource> _dataSources = [];

    /// <summary>Stopwatch timestamp of the first block added (0 while empty).</summary>
    public long OpenedAt { get; private set; }

    public Chain.BlockPtr? Cursor { get; private set; }

    public int Blocks { get; private set; }

    public int Handlers { get; private set; }

    public IReadOnlyList<EntityModification> Modifications => _modifications;

    /// <summary>Completed when the batch is committed; failed with the writer's error otherwise.</summary>
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsEmpty => Cursor is null;

    public TimeSpan Age => IsEmpty ? TimeSpan.Zero : Stopwatch.GetElapsedTime(OpenedAt);

    /// <summary>Adds a mapped block (blocks come in increasing order) with its digest when it changed anything.</summary>
    public void Add(BlockChanges changes, PoiDigest? poi)
    {
        if (IsEmpty)
        {
            OpenedAt = Stopwatch.GetTimestamp();
        }

        _modifications.AddRange(changes.Modifications);
        if (poi is { } p)
        {
            _pois.Add(p);
        }

        foreach (var ds in changes.CreatedDataSources)
        {
            _dataSources.Add(new DynamicDataSource(ds.Name, checked((int)changes.Block.Number), ds.Address) { Context = ds.Context });
        }

        Cursor = changes.Block;
        Blocks++;
        Handlers += changes.HandlersRun;
    }

    public WriteBatch ToWriteBatch() =>
        new(Cursor!.Value.ToStore(), _modifications) { Pois = _pois, DataSources = _dataSources };
}
