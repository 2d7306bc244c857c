using System.Numerics;
using System.Text;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Abi;

/// <summary>Seeded generator of random ABI types (every kind, nested) and matching values, for property tests.</summary>
internal sealed class AbiRandom(int seed)
{
    private static readonly string[] Alphabet = ["a", "Z", "0", " ", "é", "ß", "€", "日本", "😀", "\u0000", "\"", "\n"];
    private readonly Random _random = new(seed);

    public Random Random => _random;

    public AbiType NextType(int depth = 0)
    {
        var composite = depth < 3 && _random.Next(3) == 0;
        if (!composite) return NextElementaryOrDynamic();
        return _random.Next(3) switch
        {
            0 => AbiType.Array(NextType(depth + 1)),
            1 => AbiType.FixedArray(NextType(depth + 1), _random.Next(1, 4)),
            _ => AbiType.Tuple(Enumerable.Range(0, _random.Next(1, 5))
                .Select(i => new AbiParameter("c" + i, NextType(depth + 1))).ToArray()),
        };
    }

    public AbiType NextElementaryOrDynamic() => _random.Next(9) switch
    {
        0 => AbiType.UInt(_random.Next(1, 33) * 8),
        1 => AbiType.Int(_random.Next(1, 33) * 8),
        2 => AbiType.Address,
        3 => AbiType.Bool,
        4 => AbiType.FixedBytes(_random.Next(1, 33)),
        5 => AbiType.Bytes,
        6 => AbiType.String,
        7 => AbiType.UInt256,
        _ => AbiType.Int(_random.Next(1, 33) * 8),
    };

    public object NextValue(AbiType type) => type.Kind switch
    {
        AbiKind.UInt => NextUnsigned(type.Size),
        AbiKind.Int => NextSigned(type.Size),
        AbiKind.Address => new Address(NextBytes(20)),
        AbiKind.Bool => _random.Next(2) == 1,
        AbiKind.FixedBytes => NextBytes(type.Size),
        AbiKind.Bytes => NextBytes(_random.Next(0, 3) == 0 ? 0 : _random.Next(0, 100)),
        AbiKind.String => NextString(),
        AbiKind.Array => Enumerable.Range(0, _random.Next(0, 4)).Select(_ => NextValue(type.ElementType!)).ToArray(),
        AbiKind.FixedArray => Enumerable.Range(0, type.Size).Select(_ => NextValue(type.ElementType!)).ToArray(),
        AbiKind.Tuple => type.Components.Select(c => NextValue(c.Type)).ToArray(),
        _ => throw new InvalidOperationException(type.ToString()),
    };

    public byte[] NextBytes(int length)
    {
        var b = new byte[length];
        _random.NextBytes(b);
        return b;
    }

    private BigInteger NextUnsigned(int bits) => _random.Next(5) switch
    {
        0 => BigInteger.Zero,
        1 => (BigInteger.One << bits) - 1,
        2 => _random.Next(bits == 8 ? 256 : 1000),
        _ => new BigInteger(NextBytes(bits / 8), isUnsigned: true, isBigEndian: true),
    };

    private BigInteger NextSigned(int bits) => _random.Next(6) switch
    {
        0 => BigInteger.Zero,
        1 => (BigInteger.One << (bits - 1)) - 1,
        2 => -(BigInteger.One << (bits - 1)),
        3 => -_random.Next(1, bits == 8 ? 129 : 1000),
        _ => new BigInteger(NextBytes(bits / 8), isUnsigned: false, isBigEndian: true),
    };

    private string NextString()
    {
        var sb = new StringBuilder();
        var n = _random.Next(0, 4) == 0 ? 0 : _random.Next(1, 40);
        for (var i = 0; i < n; i++) sb.Append(Alphabet[_random.Next(Alphabet.Length)]);
        return sb.ToString();
    }
}
