namespace DePin.Index.Store;

/// <summary>What pruning did: history before <see cref="EarliestBlock"/> is gone.</summary>
/// <param name="EarliestBlock">The earliest block whose state can be read now.</param>
/// <param name="RowsDeleted">Versions no block from <see cref="EarliestBlock"/> on can see, deleted.</param>
public sealed record PruneResult(int EarliestBlock, long RowsDeleted);
