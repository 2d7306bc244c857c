using DePin.Index.Subgraph.Values;

namespace DePin.Index.Subgraph.Schema;

/// <summary>
/// Second pass over the schema model: ids, field types, interfaces and <c>@derivedFrom</c>, with
/// graph-node's rules (<c>graph/src/schema/input/mod.rs</c>, <c>validate_*</c>).
/// </summary>
internal sealed class SchemaResolver(SubgraphSchema schema, SchemaErrorSink errors, Version? specVersion)
{
    private static readonly Version Spec110 = new(1, 1, 0);

    private static readonly Dictionary<string, ScalarType> Scalars =
        Enum.GetValues<ScalarType>().ToDictionary(s => s.ToString(), StringComparer.Ordinal);

    public void Resolve()
    {
        foreach (var entity in schema.EntityTypes)
        {
            ResolveId(entity);
        }

        ResolveInterfaces();
        foreach (var type in schema.EntityTypes.Cast<SchemaObjectType>().Concat(schema.Interfaces))
        {
            foreach (var field in type.Fields)
            {
                ResolveField(type, field);
            }
        }

        foreach (var entity in schema.EntityTypes)
        {
            CheckTimeseries(entity);
            foreach (var field in entity.Fields.Where(f => f.IsDerived))
            {
                CheckDerivedFrom(entity, field);
            }
        }
    }

    private void ResolveId(EntityType entity)
    {
        if (!entity.TryGetField("id", out var id))
        {
            errors.Add(entity.Line, entity.Column, entity.Name, null, $"type `{entity.Name}` is missing an `id` field");
            return;
        }

        var where = $"type `{entity.Name}`, field `id`";
        if (id.IsList)
        {
            errors.Add(id.Line, id.Column, entity.Name, "id", $"{where}: must not be a list");
            return;
        }

        if (!id.IsNonNull)
        {
            errors.Add(id.Line, id.Column, entity.Name, "id", $"{where}: must be non-null (`{id.Type}!`)");
        }

        switch (id.Type.BaseName)
        {
            case "ID" or "String":
                entity.IdType = IdType.String;
                break;
            case "Bytes":
                entity.IdType = IdType.Bytes;
                break;
            case "Int8":
                entity.IdType = IdType.Int8;
                if (specVersion is not null && specVersion < Spec110)
                {
                    errors.Add(id.Line, id.Column, entity.Name, "id", $"{where}: Int8 ids need specVersion 1.1.0 or later (the manifest has {specVersion})");
                }

                break;
            default:
                errors.Add(id.Line, id.Column, entity.Name, "id", $"{where}: type `{id.Type.BaseName}` is not allowed for ids (use ID, String, Bytes or Int8)");
                break;
        }
    }

    private void ResolveInterfaces()
    {
        var implementers = schema.Interfaces.ToDictionary(i => i.Name, _ => new List<EntityType>(), StringComparer.Ordinal);
        foreach (var entity in schema.EntityTypes)
        {
            foreach (var name in entity.Interfaces)
            {
                if (!schema.TryGetInterface(name, out var iface))
                {
                    errors.Add(entity.Line, entity.Column, entity.Name, null, $"type `{entity.Name}` implements `{name}`, which is not a defined interface");
                    continue;
                }

                implementers[name].Add(entity);
                var missing = iface.Fields.Where(f => !entity.TryGetField(f.Name, out var own) || !own.Type.Equals(f.Type)).ToList();
                if (missing.Count > 0)
                {
                    errors.Add(entity.Line, entity.Column, entity.Name, null,
                        $"type `{entity.Name}` does not satisfy interface `{name}`: it lacks the fields {string.Join(", ", missing.Select(f => $"`{f}`"))}");
                }
            }
        }

        foreach (var iface in schema.Interfaces)
        {
            var types = implementers[iface.Name];
            iface.Implementers = [.. types.Select(t => t.Name)];
            var idTypes = types.Select(t => t.IdType).Distinct().ToList();
            if (idTypes.Count > 1)
            {
                errors.Add(iface.Line, iface.Column, iface.Name, null,
                    $"the implementations of interface `{iface.Name}` use different id types ({string.Join(", ", types.Select(t => $"{t.Name}: {t.IdType}"))}); they must all use the same");
            }

            iface.IdType = idTypes.Count > 0 ? idTypes[0] : InterfaceOwnIdType(iface);
        }
    }

    private static IdType InterfaceOwnIdType(InterfaceType iface) =>
        iface.TryGetField("id", out var id) ? id.Type.BaseName switch
        {
            "Bytes" => IdType.Bytes,
            "Int8" => IdType.Int8,
            _ => IdType.String,
        } : IdType.String;

    private void ResolveField(SchemaObjectType owner, SchemaField field)
    {
        var where = $"type `{owner.Name}`, field `{field.Name}`";
        if (field.Type.ListDepth > 1)
        {
            errors.Add(field.Line, field.Column, owner.Name, field.Name, $"{where}: lists of lists are not supported");
        }

        var baseName = field.Type.BaseName;
        if (Scalars.TryGetValue(baseName, out var scalar))
        {
            field.BaseKind = FieldBaseKind.Scalar;
            field.Scalar = scalar;
            field.ValueKind = KindOf(scalar);
        }
        else if (schema.TryGetEnum(baseName, out _))
        {
            field.BaseKind = FieldBaseKind.Enum;
            field.ValueKind = ValueKind.String;
        }
        else if (schema.TryGetEntityType(baseName, out var target))
        {
            field.BaseKind = FieldBaseKind.Entity;
            field.ValueKind = KindOf(target.IdType);
        }
        else if (schema.TryGetInterface(baseName, out var iface))
        {
            field.BaseKind = FieldBaseKind.Interface;
            field.ValueKind = KindOf(iface.IdType);
        }
        else
        {
            errors.Add(field.Line, field.Column, owner.Name, field.Name, $"{where}: type `{baseName}` is not defined");
        }

        if (field.IsDerived && field.BaseKind is not (FieldBaseKind.Entity or FieldBaseKind.Interface))
        {
            errors.Add(field.Line, field.Column, owner.Name, field.Name, $"{where}: invalid @derivedFrom: type must be an existing entity or interface");
        }
    }

    private void CheckDerivedFrom(EntityType owner, SchemaField field)
    {
        if (field.BaseKind is not (FieldBaseKind.Entity or FieldBaseKind.Interface))
        {
            return; // reported by ResolveField
        }

        var prefix = $"type `{owner.Name}`, field `{field.Name}`: invalid @derivedFrom: ";
        var targetName = field.Type.BaseName;
        SchemaObjectType target = schema.TryGetEntityType(targetName, out var e) ? e : schema.GetInterface(targetName);
        if (!target.TryGetField(field.DerivedFrom!, out var back))
        {
            errors.Add(field.Line, field.Column, owner.Name, field.Name, prefix + $"field `{field.DerivedFrom}` does not exist on type `{targetName}`");
            return;
        }

        // The field derived from must point back to this type (or an interface of it that has
        // this field); deriving from another type's `id` is allowed.
        var backType = back.Type.BaseName;
        var interfaces = owner.Interfaces.Where(i => schema.TryGetInterface(i, out var it) && it.HasField(field.Name)).ToList();
        if (backType != owner.Name && back.Name != "id" && !interfaces.Contains(backType, StringComparer.Ordinal))
        {
            var valid = new[] { owner.Name }.Concat(interfaces).SelectMany(n => new[] { n, n + "!", $"[{n}!]", $"[{n}!]!" });
            errors.Add(field.Line, field.Column, owner.Name, field.Name,
                prefix + $"field `{back.Name}` on type `{targetName}` must have one of the following types: {string.Join(", ", valid)}");
        }
    }

    private void CheckTimeseries(EntityType entity)
    {
        if (!entity.Timeseries)
        {
            return;
        }

        if (entity.TryGetField("id", out var id) && id.Type.BaseName != "Int8")
        {
            errors.Add(id.Line, id.Column, entity.Name, "id", $"type `{entity.Name}`: a timeseries must have an `id` field of type Int8");
        }

        if (!entity.TryGetField("timestamp", out var ts) || ts.Type.BaseName != "Timestamp" || ts.IsList)
        {
            errors.Add(entity.Line, entity.Column, entity.Name, "timestamp", $"type `{entity.Name}`: a timeseries must have a `timestamp: Timestamp!` field");
        }
    }

    internal static ValueKind KindOf(ScalarType scalar) => scalar switch
    {
        ScalarType.ID or ScalarType.String => ValueKind.String,
        ScalarType.Int => ValueKind.Int,
        ScalarType.Int8 => ValueKind.Int8,
        ScalarType.BigInt => ValueKind.BigInt,
        ScalarType.BigDecimal => ValueKind.BigDecimal,
        ScalarType.Bytes => ValueKind.Bytes,
        ScalarType.Boolean => ValueKind.Bool,
        ScalarType.Timestamp => ValueKind.Timestamp,
        _ => throw new ArgumentOutOfRangeException(nameof(scalar)),
    };

    internal static ValueKind KindOf(IdType id) => id switch
    {
        IdType.Bytes => ValueKind.Bytes,
        IdType.Int8 => ValueKind.Int8,
        _ => ValueKind.String,
    };
}
