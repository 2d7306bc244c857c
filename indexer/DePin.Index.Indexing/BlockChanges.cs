using DePin.Index.Chain;
using DePin.Index.Store;
using BlockPtr = DePin.Index.Chain.BlockPtr;

namespace DePin.Index.Indexing;

/// <summary>
/// What processing one block produced: its entity changes (one per entity, in first-write order) and the data
/// sources its handlers created from templates (in creation order; they match triggers from this block on).
/// Written to the store in one transaction with the cursor <see cref="Block"/>, alone or batched with the
/// blocks around it.
/// </summary>
/// <param name="Block">The block; the deployment's cursor once the changes are written.</param>
/// <param name="Modifications">Insert, Overwrite and Remove changes, stamped with the block number.</param>
/// <param name="CreatedDataSources">Template instances created by the block's handlers.</param>
public sealed record BlockChanges(BlockPtr Block, IReadOnlyList<EntityModification> Modifications, IReadOnlyList<DataSourceInstance> CreatedDataSources)
{
    /// <summary>Handlers run for the block (triggers skipped because their log did not decode are not counted).</summary>
    public int HandlersRun { get; init; }

    /// <summary>WebAssembly fuel the block's handlers used.</summary>
    public ulong FuelConsumed { get; init; }
}
