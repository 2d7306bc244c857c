namespace DePin.Index.Store;

/// <summary>
/// What one store transaction commits: the entity changes of consecutive blocks after the deployment's
/// head, up to and including <see cref="Cursor"/>, which becomes the new head; the proof-of-indexing
/// digests and the data sources created in those blocks.
/// </summary>
/// <param name="Cursor">The last block of the batch; every block of the batch is ≤ it and above the current head.</param>
/// <param name="Modifications">Changes in non-decreasing block order; within a block, the later change of an entity wins.</param>
public sealed record WriteBatch(BlockPtr Cursor, IReadOnlyList<EntityModification> Modifications)
{
    public IReadOnlyList<PoiDigest> Pois { get; init; } = [];

    public IReadOnlyList<DynamicDataSource> DataSources { get; init; } = [];
}
