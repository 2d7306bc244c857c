namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>How a level's rows are tied to the level above (graph-node's join types).</summary>
internal abstract record Link
{
    /// <summary>A root field: no parents.</summary>
    public sealed record Root : Link;

    /// <summary>Stored single references: every child whose id is in <see cref="Ids"/>.</summary>
    public sealed record ById(Array Ids) : Link;

    /// <summary>A derived field: per parent id, children whose field <see cref="BackField"/> names it.</summary>
    public sealed record Derived(Array ParentIds, string BackField) : Link;

    /// <summary>A stored list of references: per parent, children whose id is in the parent's list (pairs parent, child).</summary>
    public sealed record StoredList(Array ParentIds, Array ChildIds) : Link;
}
