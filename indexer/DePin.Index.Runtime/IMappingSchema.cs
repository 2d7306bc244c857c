using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime;

/// <summary>
/// What the host needs to know about a deployment's <c>schema.graphql</c> to apply graph-node's
/// <c>store.*</c> rules (the subgraph model adapts its schema to this port). Without a schema
/// the host accepts any entity type, uses string ids and does not validate.
/// </summary>
public interface IMappingSchema
{
    /// <summary>True for an <c>@entity</c> object type.</summary>
    bool HasEntityType(string entityType);

    /// <summary>True when <paramref name="field"/> is declared on the type (including <c>id</c>).</summary>
    bool HasField(string entityType, string field);

    /// <summary>The kind of the type's <c>id</c>: <see cref="ValueKind.String"/>, <see cref="ValueKind.Bytes"/> or <see cref="ValueKind.Int8"/>.</summary>
    ValueKind GetIdKind(string entityType);

    /// <summary>
    /// For a <c>@derivedFrom(field: "f")</c> field: the related entity type and its field
    /// <c>f</c> that references this type; null for other fields.
    /// </summary>
    (string EntityType, string Field)? GetDerivedFrom(string entityType, string field);

    /// <summary>Checks an entity about to be stored (types, required fields); null when valid, else the reason.</summary>
    string? Validate(string entityType, Entity entity);
}
