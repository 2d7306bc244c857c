using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Subgraph.Validation;

/// <summary>
/// Checks an entity against its type before it is stored, as graph-node does for mappings with
/// apiVersion ≥ 0.0.8 (<c>Entity::validate</c> and the host's <c>store.set</c> checks): the type
/// exists, the id has the schema's id type (and matches the id the entity is stored under), no
/// field is undefined, no derived field is set, every non-null field has a value (a Null counts as
/// missing), each value has the field's type — lists element by element, enums as one of their
/// values, references as the referenced type's id. Fields are checked in schema order; the first
/// problem is reported.
/// </summary>
public static class EntityValidator
{
    private const int MaxShown = 200;

    /// <summary>Validates; throws the first problem found.</summary>
    /// <param name="schema">The subgraph's schema.</param>
    /// <param name="entityType">The entity type the mapping stores the entity as.</param>
    /// <param name="entity">The complete entity (after merging a partial update with the stored one).</param>
    /// <param name="key">The id passed to <c>store.set</c> (text; <c>0x…</c> for Bytes, decimal for Int8), or null to skip that check.
    /// The entity must carry its <c>id</c>: when a mapping leaves it out, the host adds it from the key first, as graph-node's <c>store.set</c> does.</param>
    /// <param name="allowUnknownFields">True for apiVersion &lt; 0.0.8, where graph-node drops undefined fields instead of failing.</param>
    /// <exception cref="EntityValidationException">naming type, id and field.</exception>
    public static void Validate(SubgraphSchema schema, string entityType, Entity entity, string? key = null, bool allowUnknownFields = false)
    {
        var error = Check(schema, entityType, entity, key, allowUnknownFields);
        if (error is not null)
        {
            throw error;
        }
    }

    /// <summary>Like <see cref="Validate"/>, but returns the problem (null when valid) instead of throwing it.</summary>
    public static EntityValidationException? Check(SubgraphSchema schema, string entityType, Entity entity, string? key = null, bool allowUnknownFields = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(entity);

        var idValue = entity.Get("id");
        var id = idValue is { IsNull: false } ? Show(idValue) : key ?? "?";
        EntityValidationException Fail(string? field, string problem) => new(entityType, id, field, problem);

        if (!schema.TryGetEntityType(entityType, out var type))
        {
            return schema.TryGetInterface(entityType, out var iface)
                ? Fail(null, $"`{entityType}` is an interface, not an entity type; store one of its implementations ({string.Join(", ", iface.Implementers)})")
                : Fail(null, $"unknown entity type `{entityType}`");
        }

        if (CheckId(type, idValue, key, Fail) is { } idError)
        {
            return idError;
        }

        if (!allowUnknownFields)
        {
            var unknown = entity.FieldNames.Where(f => !type.HasField(f)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                return Fail(unknown[0], $"attempted to set undefined fields [{string.Join(", ", unknown)}]; make sure they are defined in the schema's type `{entityType}`");
            }
        }

        foreach (var field in type.Fields)
        {
            var value = entity.Get(field.Name);
            var present = value is { IsNull: false };
            if (field.IsDerived)
            {
                if (present)
                {
                    return Fail(field.Name, $"field `{field.Name}` is derived and cannot be set");
                }

                continue;
            }

            if (!present)
            {
                if (field.IsNonNull)
                {
                    return Fail(field.Name, $"missing value for non-nullable field `{field.Name}`");
                }

                continue;
            }

            if (CheckValue(schema, field, value!) is { } problem)
            {
                return Fail(field.Name, problem);
            }
        }

        return null;
    }

    private static EntityValidationException? CheckId(EntityType type, Value? idValue, string? key, Func<string?, string, EntityValidationException> fail)
    {
        var expected = type.GetField("id").ValueKind;
        if (idValue is null || idValue.IsNull)
        {
            return fail("id", "missing value for non-nullable field `id`");
        }

        if (idValue.Kind != expected)
        {
            return fail("id", $"the value `{Show(idValue)}` for field `id` must have type {type.GetField("id").Type} but has type {TypeName(idValue)}");
        }

        if (key is not null && !SameId(idValue, key))
        {
            return fail("id", $"the entity's `id` is `{Show(idValue)}` but it is stored under the id `{key}`");
        }

        return null;
    }

    private static bool SameId(Value id, string key) => id.Kind switch
    {
        ValueKind.Bytes => string.Equals(Show(id), key.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? key : "0x" + key, StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(id.ToString(), key, StringComparison.Ordinal),
    };

    private static string? CheckValue(SubgraphSchema schema, SchemaField field, Value value)
    {
        if (!field.IsList)
        {
            return value.Kind == field.ValueKind
                ? CheckEnum(schema, field, value, null)
                : $"the value `{Show(value)}` for field `{field.Name}` must have type {field.Type} but has type {TypeName(value)}";
        }

        if (value.Kind != ValueKind.Array)
        {
            return $"the value `{Show(value)}` for field `{field.Name}` must have type {field.Type} but has type {TypeName(value)}";
        }

        var items = value.AsArray();
        var elementsNonNull = field.Type.ItemType!.IsNonNull;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if ((item.IsNull && elementsNonNull) || (!item.IsNull && item.Kind != field.ValueKind))
            {
                return $"field `{field.Name}` is of type {field.Type}, but the value `{Show(value)}` contains a {TypeName(item)} at index {i}";
            }

            if (!item.IsNull && CheckEnum(schema, field, item, i) is { } enumError)
            {
                return enumError;
            }
        }

        return null;
    }

    private static string? CheckEnum(SubgraphSchema schema, SchemaField field, Value value, int? index)
    {
        if (field.BaseKind != FieldBaseKind.Enum || !schema.TryGetEnum(field.Type.BaseName, out var e) || e.Contains(value.AsString()))
        {
            return null;
        }

        var where = index is null ? $"the value `{Show(value)}` for field `{field.Name}`" : $"the value `{Show(value)}` at index {index} of field `{field.Name}`";
        return $"{where} is not a value of enum {e.Name} ({string.Join(", ", e.Values)})";
    }

    /// <summary>graph-node's <c>Value::type_name</c>.</summary>
    internal static string TypeName(Value value) => value.Kind switch
    {
        ValueKind.BigDecimal => "BigDecimal",
        ValueKind.BigInt => "BigInt",
        ValueKind.Bool => "Boolean",
        ValueKind.Bytes => "Bytes",
        ValueKind.Int => "Int",
        ValueKind.Int8 => "Int8",
        ValueKind.Timestamp => "Timestamp",
        ValueKind.Array => value.AsArray().Count > 0 ? $"[{TypeName(value.AsArray()[0])}]" : "[Any]",
        ValueKind.Null => "Null",
        ValueKind.String => "String",
        _ => value.Kind.ToString(),
    };

    private static string Show(Value value)
    {
        var text = value.ToString();
        return text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown), "…");
    }
}
