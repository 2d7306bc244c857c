using System.Globalization;

namespace DePin.Index.Store.Layout;

/// <summary>One index of an entity table, as graph-node names and defines it.</summary>
/// <param name="Column">The column of an attribute index, null for the time-travel and version indexes.</param>
public sealed record IndexDefinition(string Name, Table Table, string Method, IReadOnlyList<string> Expressions, string? Where, Column? Column,
    bool Unique = false)
{
    /// <summary>The largest value of <c>block$</c> and of a block range bound: "no upper bound".</summary>
    public const int BlockMax = int.MaxValue;

    /// <summary>An attribute btree index on a column that is neither the id nor a reference: the kind that may be postponed.</summary>
    public bool Postponable => Column is { IsPrimaryKey: false, IsReference: false } && Method == "btree";

    /// <summary>The <c>create index</c> statement (no trailing semicolon).</summary>
    public string ToSql(bool concurrently = false)
    {
        var unique = Unique ? "unique " : "";
        var head = concurrently ? $"create {unique}index concurrently if not exists " : $"create {unique}index ";
        var where = Where is null ? "" : $" where {Where}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{head}{Name} on {Table.QualifiedName} using {Method} ({string.Join(", ", Expressions)}){where}");
    }
}
