using DePin.Index.Store.Layout;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>Where each value sits in a level's result rows.</summary>
internal sealed class LevelShape
{
    public int ParentIndex { get; set; } = -1;

    public int TypeIndex { get; set; } = -1;

    public int IdIndex { get; set; }

    /// <summary>Per table (entity name): output slots — response key, column, result index, and whether it is a raw link.</summary>
    public Dictionary<string, List<Slot>> Slots { get; } = new(StringComparer.Ordinal);

    public readonly record struct Slot(string Key, Column Column, int Index, bool IsLink);
}
