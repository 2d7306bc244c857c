using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing.Internal;

/// <summary>
/// What the entity cache knows of one entity in the current block. <see cref="Current"/> is the entity's state
/// when <see cref="Resolved"/> (null = absent); otherwise it is an update not yet merged onto the stored version
/// (a <c>store.set</c> of an entity the block has not read), merged on the next read or at the end of the block.
/// Entities the slot owns (not <see cref="Base"/>, which belongs to the source) may be changed in place.
/// </summary>
internal sealed class CacheSlot
{
    /// <summary>The entity this slot holds.</summary>
    public CacheKey Key;

    /// <summary>The version before the block (from the source), valid when <see cref="BaseLoaded"/>.</summary>
    public Entity? Base;

    public bool BaseLoaded;

    public Entity? Current;

    public bool Resolved;

    /// <summary>True once the block wrote (set or removed) the entity.</summary>
    public bool Written;

    /// <summary>The handler of the last write, for error messages.</summary>
    public string? Writer;

    public void Clear()
    {
        Key = default;
        Base = null;
        BaseLoaded = false;
        Current = null;
        Resolved = false;
        Written = false;
        Writer = null;
    }
}
