namespace DePin.Index.Subgraph.Schema;

/// <summary>An <c>@entity</c> object type: one table in the store.</summary>
public sealed class EntityType : SchemaObjectType
{
    internal EntityType(string name, IReadOnlyList<SchemaField> fields, IReadOnlyList<string> interfaces,
        bool immutable, bool timeseries, bool skipDuplicates, string? description, int line, int column)
        : base(name, fields, description, line, column)
    {
        Interfaces = interfaces;
        Immutable = immutable;
        Timeseries = timeseries;
        SkipDuplicates = skipDuplicates;
    }

    /// <summary>Names of the interfaces the type implements.</summary>
    public IReadOnlyList<string> Interfaces { get; }

    /// <summary><c>@entity(immutable: true)</c> (implied by <c>timeseries: true</c>): created once, never updated or removed.</summary>
    public bool Immutable { get; }

    /// <summary><c>@entity(timeseries: true)</c>: <c>id: Int8!</c> and <c>timestamp: Timestamp!</c> are set by the node.</summary>
    public bool Timeseries { get; }

    /// <summary><c>@entity(immutable: true, skipDuplicates: true)</c>: a second insert of an id is ignored instead of failing.</summary>
    public bool SkipDuplicates { get; }
}
