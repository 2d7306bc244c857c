namespace DePin.Index.Store;

/// <summary>What a revert did.</summary>
/// <param name="RowsDeleted">Versions created after the ancestor, deleted.</param>
/// <param name="RowsReopened">Versions closed after the ancestor, open again.</param>
/// <param name="EntityCountDelta">How the number of live entities changed.</param>
public sealed record RevertResult(long RowsDeleted, long RowsReopened, long EntityCountDelta);
