using System.Numerics;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store.Tests.Fixtures;

/// <summary>Short constructors for entity values in tests.</summary>
internal static class V
{
    public static Value S(string s) => Value.FromString(s);

    public static Value I(int i) => Value.FromInt(i);

    public static Value I8(long i) => Value.FromInt8(i);

    public static Value Big(BigInteger b) => Value.FromBigInt(b);

    public static Value Dec(string d) => Value.FromBigDecimal(BigDecimal.Parse(d));

    public static Value Bool(bool b) => Value.FromBool(b);

    public static Value Ts(long micros) => Value.FromTimestamp(micros);

    /// <summary>Bytes from 0x-hex.</summary>
    public static Value B(string hex) => Value.FromBytes(Convert.FromHexString(hex.StartsWith("0x", StringComparison.Ordinal) ? hex[2..] : hex));

    public static Value List(params Value[] items) => Value.FromArray(items);

    /// <summary>The entity with one field set (changed in place).</summary>
    public static Entity Also(this Entity e, string name, Value value)
    {
        e.Set(name, value);
        return e;
    }

    public static Entity Entity(params (string Name, Value Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, Value>(f.Name, f.Value)));
}
