using System.Collections;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Abi;

/// <summary>Coerces caller-supplied .NET values to what the encoder needs, with clear errors for wrong types.</summary>
internal static class AbiValues
{
    public static BigInteger ToInteger(object? value, AbiType type) => value switch
    {
        BigInteger b => b,
        int i => i,
        long l => l,
        uint u => u,
        ulong u => u,
        short s => s,
        ushort u => u,
        byte b => b,
        sbyte s => s,
        Int128 i => (BigInteger)i,
        UInt128 u => (BigInteger)u,
        _ => throw WrongType(value, type, "an integer (BigInteger, int, long, ...)"),
    };

    public static Address ToAddress(object? value, AbiType type)
    {
        switch (value)
        {
            case Address a:
                return a;
            case string s:
                try
                {
                    return Address.Parse(s);
                }
                catch (FormatException e)
                {
                    throw new AbiException($"expected an address: {e.Message}", e);
                }
            default:
                throw WrongType(value, type, "an Address");
        }
    }

    public static bool ToBool(object? value, AbiType type) => value is bool b ? b : throw WrongType(value, type, "a bool");

    public static string ToText(object? value, AbiType type) => value as string ?? throw WrongType(value, type, "a string");

    public static ReadOnlyMemory<byte> ToBytes(object? value, AbiType type) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m,
        Memory<byte> m => m,
        ArraySegment<byte> s => s,
        Hash32 h => h.ToArray(),
        _ => throw WrongType(value, type, "a byte[]"),
    };

    public static IList ToList(object? value, AbiType type, int expectedCount)
    {
        if (value is not IList list || value is string)
        {
            var what = type.Kind == AbiKind.Tuple ? "an object[] with one value per component" : "an array or list";
            throw WrongType(value, type, what);
        }
        if (expectedCount >= 0 && list.Count != expectedCount)
        {
            var unit = type.Kind == AbiKind.Tuple ? "components" : "elements";
            throw new AbiException($"{type.CanonicalName} needs exactly {expectedCount} {unit}, got {list.Count}");
        }
        return list;
    }

    private static AbiException WrongType(object? value, AbiType type, string expected) =>
        new($"{type.CanonicalName} expects {expected}, got {(value is null ? "null" : value.GetType().Name)}");
}
