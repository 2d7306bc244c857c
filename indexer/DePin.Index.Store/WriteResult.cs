namespace DePin.Index.Store;

/// <summary>What a batch write did.</summary>
/// <param name="RowsInserted">Entity versions inserted.</param>
/// <param name="RowsClosed">Versions that existed before the batch and were closed (updated or removed).</param>
/// <param name="EntityCountDelta">How the number of live entities changed.</param>
public sealed record WriteResult(int RowsInserted, int RowsClosed, long EntityCountDelta);
