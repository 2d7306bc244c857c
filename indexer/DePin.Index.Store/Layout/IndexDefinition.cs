using System.Globalization;

namespace DePin.Index.Store.Layout;

/// <summary>One index of an entity table, as graph-node names and defines it.</summary>
public sealed record IndexDefinition(string Name, Table Table, string Method, IReadOnlyList<string> Expressions, string? Where, bool IsAttribute)
{
    /// <summary>The largest value of <c>block$</c> and of a block range bound: "no upper bound".</summary>
    public const int BlockMax = int.MaxValue;

    /// <summary>An attribute btree index other than the one on <c>id</c>: the kind graph-node may postpone.</summary>
    public bool Postponable => IsAttribute && Method == "btree" && !(Expressions.Count == 1 && Expressions[0] == "\"id\"");

    /// <summary>The <c>create index</c> statement (no trailing semicolon).</summary>
    public string ToSql(bool concurrently = false)
    {
        var head = concurrently ? "create index concurrently if not exists " : "create index ";
        var where = Where is null ? "" : $" where {Where}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{head}{Name} on {Table.QualifiedName} using {Method} ({string.Join(", ", Expressions)}){where}");
    }
}
