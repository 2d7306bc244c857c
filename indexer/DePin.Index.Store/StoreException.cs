namespace DePin.Index.Store;

/// <summary>
/// A store operation was refused or failed: bad input (an unknown entity type or field, a value of the
/// wrong kind, an update of an immutable entity, a write at or below the deployment's head, a revert
/// past pruned history) or a database error, wrapped with what the store was doing. Nothing of the
/// failed operation is committed.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
