namespace DePin.Index.Store;

/// <summary>What a modification does to an entity (graph-node's <c>EntityModification</c> variants).</summary>
public enum ModificationKind
{
    /// <summary>Creates an entity that does not exist: inserts a version open from the block on.</summary>
    Insert,

    /// <summary>Replaces an entity that may exist: closes its open version at the block and inserts the new one.</summary>
    Overwrite,

    /// <summary>Removes an entity: closes its open version at the block (nothing happens if there is none).</summary>
    Remove,
}
