namespace DePin.Index.Store.Layout;

/// <summary>Choices for the DDL of a deployment's tables; the defaults follow graph-node's layout with every check on.</summary>
public sealed record DdlOptions
{
    /// <summary>The defaults: the exclusion constraint, every index created at once, GiST reference indexes.</summary>
    public static DdlOptions Default { get; } = new();

    /// <summary>
    /// For a fast initial sync: <see cref="VersionCheck.OpenVersionUnique"/>, btree reference indexes and the attribute
    /// btree indexes postponed until <see cref="DeploymentStore.CreatePostponedIndexesAsync"/>.
    /// </summary>
    public static DdlOptions BulkSync { get; } = new()
    {
        VersionCheck = VersionCheck.OpenVersionUnique,
        BtreeReferenceIndexes = true,
        PostponeAttributeIndexes = true,
    };

    /// <summary>How mutable tables guard their versions (default: the exclusion constraint).</summary>
    public VersionCheck VersionCheck { get; init; } = VersionCheck.ExclusionConstraint;

    /// <summary>
    /// Leave the btree attribute indexes (every <c>attr_*</c> btree index but the ones on <c>id</c> and on references) out of
    /// the schema's DDL, to be created later with <see cref="DdlGenerator.PostponedIndexes"/> — faster initial sync, as
    /// graph-node's <c>GRAPH_POSTPONE_ATTRIBUTE_INDEX_CREATION</c> (default false). References keep their index so that
    /// <c>loadRelated</c> stays fast during the sync.
    /// </summary>
    public bool PostponeAttributeIndexes { get; init; }

    /// <summary>
    /// Index a mutable table's single references with <c>btree (ref)</c> instead of graph-node's <c>gist (ref, block_range)</c>
    /// (default false): several times cheaper to maintain; lookups by reference filter the few versions by block.
    /// </summary>
    public bool BtreeReferenceIndexes { get; init; }

    /// <summary>Create GIN indexes on list columns (graph-node's <c>GRAPH_STORE_CREATE_GIN_INDEXES</c>, default false).</summary>
    public bool GinIndexesOnLists { get; init; }
}
