using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing.Internal;

/// <summary>
/// One entity type's fields prepared for the mapping host's per-<c>store.set</c> questions: which fields exist, and
/// a quick check of <see cref="Subgraph.Validation.EntityValidator"/>'s rules (id kind, derived fields unset,
/// non-null fields present, value kinds, list elements, enum values) that allocates nothing. The check is exact
/// for valid entities; an entity it rejects is passed to the validator itself for the message.
/// </summary>
internal sealed class EntityTypeRules
{
    private readonly HashSet<string> _fields;
    private readonly Rule[] _rules;
    private readonly ValueKind _idKind;

    public EntityTypeRules(SubgraphSchema schema, EntityType type)
    {
        Name = type.Name;
        _fields = type.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        _idKind = type.GetField("id").ValueKind;
        _rules = type.Fields.Select(f => new Rule(
            f.Name,
            f.IsDerived,
            f.IsNonNull,
            f.IsList,
            f.IsList && f.Type.ItemType!.IsNonNull,
            f.ValueKind,
            f.BaseKind == FieldBaseKind.Enum && schema.TryGetEnum(f.Type.BaseName, out var e) ? e : null)).ToArray();
    }

    public string Name { get; }

    public bool HasField(string field) => _fields.Contains(field);

    /// <summary>True when the entity certainly passes validation.</summary>
    public bool IsValid(Entity entity)
    {
        if (entity.Get("id") is not { IsNull: false } id || id.Kind != _idKind)
        {
            return false;
        }

        foreach (var rule in _rules)
        {
            var value = entity.Get(rule.Name);
            var present = value is { IsNull: false };
            if (rule.Derived)
            {
                if (present)
                {
                    return false;
                }

                continue;
            }

            if (!present)
            {
                if (rule.NonNull)
                {
                    return false;
                }

                continue;
            }

            if (!rule.List)
            {
                if (value!.Kind != rule.Kind || (rule.Enum is { } e && !e.Contains(value.AsString())))
                {
                    return false;
                }

                continue;
            }

            if (value!.Kind != ValueKind.Array)
            {
                return false;
            }

            var items = value.AsArray();
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.IsNull ? rule.ElementsNonNull : item.Kind != rule.Kind || (rule.Enum is { } en && !en.Contains(item.AsString())))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private sealed record Rule(string Name, bool Derived, bool NonNull, bool List, bool ElementsNonNull, ValueKind Kind, EnumType? Enum);
}
