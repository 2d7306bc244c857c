using DePin.Index.Runtime;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Validation;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing;

/// <summary>
/// The mapping host's view of a deployment's <c>schema.graphql</c>: <see cref="IMappingSchema"/> over a
/// <see cref="SubgraphSchema"/>, validating with <see cref="EntityValidator"/>. The host drops (apiVersion
/// &lt; 0.0.8) or rejects (≥ 0.0.8) undefined fields before it validates, so validation skips that check.
/// </summary>
public sealed class SchemaAdapter : IMappingSchema
{
    public SchemaAdapter(SubgraphSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
    }

    public SubgraphSchema Schema { get; }

    public bool HasEntityType(string entityType) => Schema.HasEntityType(entityType);

    public bool HasField(string entityType, string field) => Schema.HasField(entityType, field);

    public ValueKind GetIdKind(string entityType) => Schema.GetIdKind(entityType);

    public (string EntityType, string Field)? GetDerivedFrom(string entityType, string field) => Schema.GetDerivedFrom(entityType, field);

    public string? Validate(string entityType, Entity entity) =>
        EntityValidator.Check(Schema, entityType, entity, key: null, allowUnknownFields: true)?.Message;
}
