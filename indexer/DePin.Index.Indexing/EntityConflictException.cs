namespace DePin.Index.Indexing;

/// <summary>
/// A block's entity changes break a store rule found when they are collected at the end of the block: an
/// immutable entity updated or removed after the block it was created in. Deterministic.
/// </summary>
public sealed class EntityConflictException : Exception
{
    public EntityConflictException()
    {
    }

    public EntityConflictException(string message)
        : base(message)
    {
    }

    public EntityConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EntityConflictException(string message, string? handler)
        : base(message)
    {
        Handler = handler;
    }

    /// <summary>The handler whose write caused the conflict, when known.</summary>
    public string? Handler { get; }
}
