using DePin.Index.Indexing.Internal;
using DePin.Index.Indexing.Tests.Fixtures;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Validation;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing.Tests;

/// <summary>The schema adapter's allocation-free check agrees with EntityValidator on valid entities and on every single-field mistake.</summary>
public sealed class EntityTypeRulesTests
{
    private const string Extra = """
        enum Color { Red, Green }
        type Palette @entity(immutable: false) { id: Int8!, colors: [Color!]!, maybe: [Color], name: String, when: Timestamp, ratio: BigDecimal, flags: [Boolean!] }
        """;

    public static TheoryData<string> Schemas => new() { "depin", "extra" };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void The_quick_check_agrees_with_the_validator(string name)
    {
        var schema = name == "depin"
            ? SubgraphSchema.Load(TestPaths.DepinSchema, new Version(1, 0, 0))
            : SubgraphSchema.Parse(Extra, "extra.graphql", new Version(1, 1, 0));
        var checks = 0;
        foreach (var type in schema.EntityTypes)
        {
            var rules = new EntityTypeRules(schema, type);
            foreach (var entity in Variants(schema, type))
            {
                var expected = EntityValidator.Check(schema, type.Name, entity, key: null, allowUnknownFields: true) is null;
                Assert.True(expected == rules.IsValid(entity), $"{type.Name} {entity}: validator says {(expected ? "valid" : "invalid")}");
                checks++;
            }
        }

        Assert.True(checks >= 40, $"only {checks} checks");
    }

    private static IEnumerable<Entity> Variants(SubgraphSchema schema, EntityType type)
    {
        var valid = new Entity();
        foreach (var f in type.Fields.Where(f => !f.IsDerived))
        {
            valid.Set(f.Name, Good(schema, f));
        }

        yield return valid;
        foreach (var f in type.Fields)
        {
            if (f.IsDerived)
            {
                yield return With(valid, f.Name, Value.FromArray([Good(schema, f, element: true)]));
                continue;
            }

            yield return Without(valid, f.Name);
            yield return With(valid, f.Name, Value.Null);
            yield return With(valid, f.Name, f.ValueKind == ValueKind.Int ? Value.FromString("1") : Value.FromInt(1));
            if (f.IsList)
            {
                yield return With(valid, f.Name, Value.FromArray([Value.Null]));
                yield return With(valid, f.Name, Value.FromArray([Good(schema, f, element: true), Value.FromBool(true)]));
                yield return With(valid, f.Name, Good(schema, f, element: true));
                yield return With(valid, f.Name, Value.FromArray([]));
            }
            else
            {
                yield return With(valid, f.Name, Value.FromArray([Good(schema, f)]));
            }

            if (f.BaseKind == FieldBaseKind.Enum)
            {
                yield return With(valid, f.Name, f.IsList ? Value.FromArray([Value.FromString("Nope")]) : Value.FromString("Nope"));
            }
        }
    }

    private static Value Good(SubgraphSchema schema, SchemaField f, bool element = false)
    {
        if (f.IsList && !element)
        {
            return Value.FromArray([Good(schema, f, element: true)]);
        }

        if (f.BaseKind == FieldBaseKind.Enum && schema.TryGetEnum(f.Type.BaseName, out var e))
        {
            return Value.FromString(e.Values[0]);
        }

        return f.ValueKind switch
        {
            ValueKind.String => Value.FromString("x"),
            ValueKind.Int => Value.FromInt(7),
            ValueKind.Int8 => Value.FromInt8(8),
            ValueKind.BigInt => Value.FromBigInt(9),
            ValueKind.BigDecimal => Value.FromBigDecimal(BigDecimal.Parse("1.5")),
            ValueKind.Bool => Value.FromBool(true),
            ValueKind.Bytes => Value.FromBytes([0xab]),
            ValueKind.Timestamp => Value.FromTimestamp(1_000_000),
            _ => throw new InvalidOperationException($"no sample for {f.ValueKind}"),
        };
    }

    private static Entity With(Entity entity, string field, Value value)
    {
        var copy = entity.Clone();
        copy.Set(field, value);
        return copy;
    }

    private static Entity Without(Entity entity, string field)
    {
        var copy = entity.Clone();
        copy.Remove(field);
        return copy;
    }
}
