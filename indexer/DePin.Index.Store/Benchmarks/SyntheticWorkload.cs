using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store.Benchmarks;

/// <summary>
/// A deterministic, schema-driven stream of entity changes shaped like a subgraph's: each event inserts one
/// entity of an immutable type (the event record) and sets <see cref="UpdatesPerEvent"/> entities of mutable
/// types (the aggregates), half of them from a small hot set so that some change several times per block.
/// Every non-derived field gets a value of its type; references point at ids the workload uses. The same
/// seed gives the same changes.
/// </summary>
public sealed class SyntheticWorkload
{
    private readonly RelationalLayout _layout;
    private readonly Random _random;
    private readonly EntityType[] _immutable;
    private readonly EntityType[] _mutable;
    private readonly HashSet<(string Type, string Id)> _live = [];
    private long _nextEventId;
    private int _rotation;

    public SyntheticWorkload(RelationalLayout layout, int seed)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _random = new Random(seed);
        _immutable = layout.Schema.EntityTypes.Where(t => t.Immutable).ToArray();
        _mutable = layout.Schema.EntityTypes.Where(t => !t.Immutable).ToArray();
    }

    /// <summary>Mutable entities changed per event (default 3).</summary>
    public int UpdatesPerEvent { get; init; } = 3;

    /// <summary>Ids per mutable type (default 2,000); the hot set is the first 10.</summary>
    public int PoolSize { get; init; } = 2_000;

    /// <summary>The chance that a change of a live mutable entity removes it (default 0).</summary>
    public double RemoveRate { get; init; }

    /// <summary>The changes of one block with <paramref name="events"/> events, in order.</summary>
    public IReadOnlyList<EntityModification> Block(int block, int events)
    {
        var list = new List<EntityModification>(events * (UpdatesPerEvent + 1));
        for (var e = 0; e < events; e++)
        {
            if (_immutable.Length > 0)
            {
                var type = _immutable[(int)(_nextEventId % _immutable.Length)];
                var id = EventId(type, _nextEventId++);
                list.Add(EntityModification.Insert(type.Name, id, Make(type, id), block));
            }

            for (var u = 0; u < UpdatesPerEvent && _mutable.Length > 0; u++)
            {
                var type = _mutable[_rotation++ % _mutable.Length];
                var n = _random.Next(2) == 0 ? _random.Next(Math.Min(10, PoolSize)) : _random.Next(PoolSize);
                var id = PoolId(type.IdType, n);
                var key = (type.Name, id);
                if (!_live.Contains(key))
                {
                    _live.Add(key);
                    list.Add(EntityModification.Insert(type.Name, id, Make(type, id), block));
                }
                else if (_random.NextDouble() < RemoveRate)
                {
                    _live.Remove(key);
                    list.Add(EntityModification.Remove(type.Name, id, block));
                }
                else
                {
                    list.Add(EntityModification.Overwrite(type.Name, id, Make(type, id), block));
                }
            }
        }

        return list;
    }

    private Entity Make(EntityType type, string id)
    {
        var table = _layout.GetTable(type.Name);
        var e = new Entity(table.DataColumns.Count);
        foreach (var column in table.DataColumns)
        {
            var field = column.SchemaField!;
            if (column.IsPrimaryKey)
            {
                e.Set("id", type.IdType switch
                {
                    IdType.Bytes => Value.FromBytes(Convert.FromHexString(id.AsSpan(2))),
                    IdType.Int8 => Value.FromInt8(long.Parse(id, CultureInfo.InvariantCulture)),
                    _ => Value.FromString(id),
                });
                continue;
            }

            if (column.IsNullable && _random.Next(5) == 0)
            {
                continue;
            }

            e.Set(field.Name, column.IsList
                ? Value.FromArray(Enumerable.Range(0, _random.Next(4)).Select(_ => Scalar(column, field)).ToArray())
                : Scalar(column, field));
        }

        return e;
    }

    private Value Scalar(Column column, SchemaField field)
    {
        if (column.EnumType is { } enumType)
        {
            return Value.FromString(enumType.Values[_random.Next(enumType.Values.Count)]);
        }

        if (column.IsReference)
        {
            var id = PoolId(_layout.Schema.TryGetEntityType(field.Type.BaseName, out var t) ? t.IdType : _layout.Schema.GetInterface(field.Type.BaseName).IdType,
                _random.Next(PoolSize));
            return field.ValueKind switch
            {
                ValueKind.Bytes => Value.FromBytes(Convert.FromHexString(id.AsSpan(2))),
                ValueKind.Int8 => Value.FromInt8(long.Parse(id, CultureInfo.InvariantCulture)),
                _ => Value.FromString(id),
            };
        }

        return field.ValueKind switch
        {
            ValueKind.String => Value.FromString(Text(8 + _random.Next(24))),
            ValueKind.Bytes => Value.FromBytes(RandomBytes(_random.Next(2) == 0 ? 20 : 32)),
            ValueKind.Int => Value.FromInt(_random.Next(-1_000_000, 1_000_000)),
            ValueKind.Int8 => Value.FromInt8(_random.NextInt64()),
            ValueKind.BigInt => Value.FromBigInt(_random.Next(10) == 0
                ? new BigInteger(RandomBytes(32), isUnsigned: true)
                : new BigInteger(_random.NextInt64(0, 1L << 53))),
            ValueKind.BigDecimal => Value.FromBigDecimal(new BigDecimal(_random.NextInt64(), _random.Next(-30, 10))),
            ValueKind.Bool => Value.FromBool(_random.Next(2) == 0),
            ValueKind.Timestamp => Value.FromTimestamp(1_700_000_000_000_000 + _random.NextInt64(1L << 40)),
            _ => throw new InvalidOperationException($"no generator for {field}"),
        };
    }

    private static string PoolId(IdType idType, int n) => idType switch
    {
        IdType.Bytes => "0x" + Convert.ToHexStringLower(Derived(n, 20)),
        IdType.Int8 => n.ToString(CultureInfo.InvariantCulture),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string EventId(EntityType type, long n) => type.IdType switch
    {
        IdType.Bytes => "0x" + Convert.ToHexStringLower(Derived(n, 32)),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Deterministic id bytes: the number, big-endian, right-aligned and prefixed with a pattern.</summary>
    private static byte[] Derived(long n, int length)
    {
        var bytes = new byte[length];
        bytes.AsSpan(0, length - 8).Fill(0xd1);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(length - 8), n);
        return bytes;
    }

    private byte[] RandomBytes(int n)
    {
        var b = new byte[n];
        _random.NextBytes(b);
        return b;
    }

    private string Text(int n) => string.Create(n, _random, (span, r) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)('a' + r.Next(26));
        }
    });
}
