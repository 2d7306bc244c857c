namespace DePin.Index.Runtime.Triggers;

/// <summary>What a handler is invoked with; every trigger belongs to a block.</summary>
public abstract record MappingTrigger
{
    /// <summary>The block the trigger belongs to (also the block of <c>ethereum.call</c>).</summary>
    public required BlockData Block { get; init; }
}
