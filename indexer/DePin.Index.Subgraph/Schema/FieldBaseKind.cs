namespace DePin.Index.Subgraph.Schema;

/// <summary>What a field's base (innermost named) type is.</summary>
public enum FieldBaseKind
{
    /// <summary>A built-in scalar (<see cref="SchemaField.Scalar"/> says which).</summary>
    Scalar,

    /// <summary>An enum declared in the schema; values are stored as strings.</summary>
    Enum,

    /// <summary>An <c>@entity</c> type; stored as the referenced entity's id.</summary>
    Entity,

    /// <summary>An interface; stored as the id of an entity implementing it.</summary>
    Interface,
}
