using DePin.Index.Indexing.Internal;
using DePin.Index.Runtime;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Validation;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing;

/// <summary>
/// The mapping host's view of a deployment's <c>schema.graphql</c>: <see cref="IMappingSchema"/> over a
/// <see cref="SubgraphSchema"/>, validating with <see cref="EntityValidator"/>. The host drops (apiVersion
/// &lt; 0.0.8) or rejects (≥ 0.0.8) undefined fields before it validates, so validation skips that check.
/// <c>store.set</c> asks about every field of every entity it stores, so each type's fields and rules are
/// prepared once: a valid entity is accepted without allocating, an invalid one gets the validator's message.
/// Thread-safe.
/// </summary>
public sealed class SchemaAdapter : IMappingSchema
{
    private readonly Dictionary<string, EntityTypeRules> _types;
    private EntityTypeRules? _last;

    public SchemaAdapter(SubgraphSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        _types = schema.EntityTypes.ToDictionary(t => t.Name, t => new EntityTypeRules(schema, t), StringComparer.Ordinal);
    }

    public SubgraphSchema Schema { get; }

    public bool HasEntityType(string entityType) => Schema.HasEntityType(entityType);

    public bool HasField(string entityType, string field) => Rules(entityType)?.HasField(field) ?? false;

    public ValueKind GetIdKind(string entityType) => Schema.GetIdKind(entityType);

    public (string EntityType, string Field)? GetDerivedFrom(string entityType, string field) => Schema.GetDerivedFrom(entityType, field);

    public string? Validate(string entityType, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Rules(entityType)?.IsValid(entity) == true
            ? null
            : EntityValidator.Check(Schema, entityType, entity, key: null, allowUnknownFields: true)?.Message;
    }

    /// <summary>The rules of a type; the host asks about one type many times in a row, so the last one is kept.</summary>
    private EntityTypeRules? Rules(string entityType)
    {
        var last = _last;
        if (last is not null && (ReferenceEquals(last.Name, entityType) || last.Name == entityType))
        {
            return last;
        }

        if (!_types.TryGetValue(entityType, out var rules))
        {
            return null;
        }

        _last = rules;
        return rules;
    }
}
