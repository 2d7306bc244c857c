namespace DePin.Index.Store.Layout;

/// <summary>Choices for the DDL of a deployment's tables; the defaults follow graph-node in production.</summary>
public sealed record DdlOptions
{
    /// <summary>The defaults.</summary>
    public static DdlOptions Default { get; } = new();

    /// <summary>
    /// Mutable tables get the exclusion constraint <c>exclude using gist (id with =, block_range with &amp;&amp;)</c>,
    /// which makes PostgreSQL refuse two versions of one entity that overlap in blocks (default true).
    /// When false, a plain gist index on <c>(id, block_range)</c> takes its place (what graph-node release builds create).
    /// </summary>
    public bool ExclusionConstraint { get; init; } = true;

    /// <summary>
    /// Leave the btree attribute indexes (every <c>attr_*</c> btree index but the one on <c>id</c>) out of
    /// the schema's DDL, to be created later with <see cref="DdlGenerator.PostponedIndexes"/> — faster
    /// initial sync, as graph-node's <c>GRAPH_POSTPONE_ATTRIBUTE_INDEX_CREATION</c> (default false).
    /// </summary>
    public bool PostponeAttributeIndexes { get; init; }

    /// <summary>Create GIN indexes on list columns (graph-node's <c>GRAPH_STORE_CREATE_GIN_INDEXES</c>, default false).</summary>
    public bool GinIndexesOnLists { get; init; }
}
