namespace DePin.Index.Store.Layout;

/// <summary>How a mutable table guards its versions (see <see cref="DdlOptions.VersionCheck"/>).</summary>
public enum VersionCheck
{
    /// <summary>
    /// <c>exclude using gist (id with =, block_range with &amp;&amp;)</c>: PostgreSQL refuses any two versions of an
    /// entity whose block ranges overlap. The strongest check and the slowest to maintain (a GiST probe per insert).
    /// </summary>
    ExclusionConstraint,

    /// <summary>A plain GiST index on <c>(id, block_range)</c> without the constraint (graph-node's release builds).</summary>
    GistIndex,

    /// <summary>
    /// <c>create unique index … (id) where upper_inf(block_range)</c>: at most one open version per entity, which is what
    /// an Insert of an existing entity would break (the store itself never writes overlapping closed ranges). A btree:
    /// about an order of magnitude cheaper than the GiST constraint.
    /// </summary>
    OpenVersionUnique,
}
