namespace DePin.Index.Subgraph.Validation;

/// <summary>
/// An entity that does not fit its type in the schema. The message names the entity type, the
/// id and the field, in graph-node's form: <c>Entity Device[7]: missing value for non-nullable field `owner`</c>.
/// </summary>
public sealed class EntityValidationException : Exception
{
    public EntityValidationException()
    {
    }

    public EntityValidationException(string message)
        : base(message)
    {
    }

    public EntityValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EntityValidationException(string entityType, string entityId, string? field, string problem)
        : base($"Entity {entityType}[{entityId}]: {problem}")
    {
        EntityType = entityType;
        EntityId = entityId;
        Field = field;
    }

    /// <summary>The entity type being stored.</summary>
    public string? EntityType { get; }

    /// <summary>The entity's id as text (<c>0x…</c> for Bytes ids), or <c>?</c> when it has none.</summary>
    public string? EntityId { get; }

    /// <summary>The offending field, or null when the problem is the whole entity (e.g. an unknown type).</summary>
    public string? Field { get; }
}
