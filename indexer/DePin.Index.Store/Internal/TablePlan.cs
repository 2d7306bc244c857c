using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store.Internal;

/// <summary>One entity version to insert: <c>[Start, End)</c>, End = <see cref="int.MaxValue"/> for an open version.</summary>
internal readonly record struct VersionRow(string Id, Entity Entity, int Start, int End, long Vid);

/// <summary>
/// What a batch does to one table: close the open versions of <see cref="CloseIds"/> at the matching
/// <see cref="CloseBlocks"/> (versions that existed before the batch), then insert <see cref="Rows"/>.
/// </summary>
internal sealed class TablePlan(Table table)
{
    public Table Table { get; } = table;

    public List<string> CloseIds { get; } = [];

    public List<int> CloseBlocks { get; } = [];

    public List<VersionRow> Rows { get; } = [];

    /// <summary>Rows that stay open (live entities after the batch).</summary>
    public int OpenRows { get; set; }
}
