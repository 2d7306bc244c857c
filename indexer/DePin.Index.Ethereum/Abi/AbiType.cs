using System.Text;

namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// An immutable Solidity ABI type: <c>uintN</c>/<c>intN</c> (N = 8..256 step 8), <c>address</c>, <c>bool</c>,
/// <c>bytesN</c> (N = 1..32), <c>bytes</c>, <c>string</c>, <c>T[]</c>, <c>T[k]</c> and tuples
/// <c>(T1,…,Tn)</c> with named components, nested arbitrarily. Build one with the factories or
/// <see cref="Parse"/>; <see cref="CanonicalName"/> is the form used in signatures. Two types are equal when
/// their canonical names are equal (component names do not take part).
/// <para>
/// .NET value mapping, used by <see cref="AbiEncoder"/> (input) and <see cref="AbiDecoder"/> (output):
/// <list type="table">
/// <item><term>uintN, intN</term><description><see cref="System.Numerics.BigInteger"/> (decoder). The encoder
/// also accepts <c>byte, sbyte, short, ushort, int, uint, long, ulong, Int128, UInt128</c>.</description></item>
/// <item><term>address</term><description><see cref="Primitives.Address"/> (the encoder also accepts a
/// 0x-hex string).</description></item>
/// <item><term>bool</term><description><see cref="bool"/>.</description></item>
/// <item><term>bytesN, bytes</term><description><c>byte[]</c> (bytesN: exactly N bytes; the encoder also
/// accepts <c>ReadOnlyMemory&lt;byte&gt;</c>/<c>Memory&lt;byte&gt;</c>).</description></item>
/// <item><term>string</term><description><see cref="string"/> (UTF-8 on the wire).</description></item>
/// <item><term>T[], T[k], tuples</term><description><c>object[]</c> with the elements/components in order
/// (the encoder accepts any <see cref="System.Collections.IList"/>, e.g. <c>BigInteger[]</c> or
/// <c>List&lt;object&gt;</c>).</description></item>
/// </list>
/// Indexed event parameters of a dynamic or composite type come back as the 32-byte topic
/// (<c>byte[]</c>, the Keccak-256 of their encoding), as graph-node gives them.
/// </para>
/// </summary>
public sealed class AbiType : IEquatable<AbiType>
{
    /// <summary>Largest static encoding accepted for one type (bytes), so hostile types cannot exhaust memory.</summary>
    public const int MaxStaticSize = 1 << 24;

    /// <summary>Deepest nesting of arrays and tuples accepted.</summary>
    public const int MaxDepth = 32;

    private static readonly AbiType[] UIntTypes = CreateIntegers(AbiKind.UInt);
    private static readonly AbiType[] IntTypes = CreateIntegers(AbiKind.Int);
    private static readonly AbiType[] FixedBytesTypes = CreateFixedBytes();

    public static AbiType Address { get; } = new(AbiKind.Address, 0, null, [], "address");
    public static AbiType Bool { get; } = new(AbiKind.Bool, 0, null, [], "bool");
    public static AbiType Bytes { get; } = new(AbiKind.Bytes, 0, null, [], "bytes");
    public static AbiType String { get; } = new(AbiKind.String, 0, null, [], "string");
    public static AbiType UInt256 => UIntTypes[31];
    public static AbiType Int256 => IntTypes[31];
    public static AbiType Bytes32 => FixedBytesTypes[31];

    private AbiType(AbiKind kind, int size, AbiType? element, AbiParameter[] components, string canonical)
    {
        Kind = kind;
        Size = size;
        ElementType = element;
        Components = components;
        CanonicalName = canonical;
        IsDynamic = kind switch
        {
            AbiKind.Bytes or AbiKind.String or AbiKind.Array => true,
            AbiKind.FixedArray => element!.IsDynamic,
            AbiKind.Tuple => System.Array.Exists(components, c => c.Type.IsDynamic),
            _ => false,
        };
        Depth = kind switch
        {
            AbiKind.Array or AbiKind.FixedArray => element!.Depth + 1,
            AbiKind.Tuple => 1 + components.Aggregate(0, (d, c) => Math.Max(d, c.Type.Depth)),
            _ => 0,
        };
        if (Depth > MaxDepth) throw new AbiException($"type nests deeper than {MaxDepth} levels: '{Truncate(canonical)}'");
        long head = 32;
        if (!IsDynamic)
        {
            head = kind switch
            {
                AbiKind.FixedArray => (long)element!.HeadSize * size,
                AbiKind.Tuple => components.Sum(c => (long)c.Type.HeadSize),
                _ => 32,
            };
        }
        if (head > MaxStaticSize) throw new AbiException($"type '{Truncate(canonical)}' is too large: its static encoding would be {head} bytes (limit {MaxStaticSize})");
        HeadSize = (int)head;
    }

    public AbiKind Kind { get; }

    /// <summary>Bits for uintN/intN, bytes for bytesN, the length k for T[k]; 0 otherwise.</summary>
    public int Size { get; }

    /// <summary>The element type of T[] and T[k]; null otherwise.</summary>
    public AbiType? ElementType { get; }

    /// <summary>The components of a tuple (empty for other kinds).</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>Canonical form for signatures, e.g. <c>(address,uint256)[2][]</c>.</summary>
    public string CanonicalName { get; }

    /// <summary>True for bytes, string, T[] and any array/tuple containing a dynamic type.</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes this type takes in the head of an enclosing tuple: 32 when dynamic, else its full static size.</summary>
    public int HeadSize { get; }

    /// <summary>Nesting depth of arrays and tuples (0 for elementary types).</summary>
    public int Depth { get; }

    /// <summary>True for the types that fit one 32-byte word: integers, address, bool, bytesN.</summary>
    public bool IsElementary => Kind is AbiKind.UInt or AbiKind.Int or AbiKind.Address or AbiKind.Bool or AbiKind.FixedBytes;

    public static AbiType UInt(int bits) => UIntTypes[CheckBits(bits) / 8 - 1];

    public static AbiType Int(int bits) => IntTypes[CheckBits(bits) / 8 - 1];

    public static AbiType FixedBytes(int length) =>
        length is >= 1 and <= 32 ? FixedBytesTypes[length - 1] : throw new AbiException($"bytesN needs 1 <= N <= 32, got bytes{length}");

    public static AbiType Array(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new AbiType(AbiKind.Array, 0, element, [], element.CanonicalName + "[]");
    }

    public static AbiType FixedArray(AbiType element, int length)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (length < 1) throw new AbiException($"fixed array length must be at least 1, got {element.CanonicalName}[{length}]");
        if (length > MaxStaticSize) throw new AbiException($"fixed array length {length} is larger than the limit {MaxStaticSize}");
        return new AbiType(AbiKind.FixedArray, length, element, [], element.CanonicalName + "[" + length + "]");
    }

    /// <summary>A tuple of named components (names are informational).</summary>
    public static AbiType Tuple(IEnumerable<AbiParameter> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var list = components.ToArray();
        if (list.Length == 0) throw new AbiException("an empty tuple '()' is not a valid ABI type");
        var sb = new StringBuilder("(");
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null) throw new AbiException($"tuple component {i} is null");
            if (list[i].Indexed) list[i] = list[i] with { Indexed = false };
            if (i > 0) sb.Append(',');
            sb.Append(list[i].Type.CanonicalName);
        }
        return new AbiType(AbiKind.Tuple, 0, null, list, sb.Append(')').ToString());
    }

    /// <summary>A tuple of unnamed components.</summary>
    public static AbiType Tuple(params AbiType[] components) =>
        Tuple(components.Select(t => new AbiParameter("", t ?? throw new AbiException("tuple component type is null"))));

    /// <summary>
    /// Parses a canonical type string such as <c>uint256</c>, <c>bytes32[]</c> or <c>(address,uint256)[2][]</c>.
    /// <c>uint</c>/<c>int</c> are accepted as aliases of uint256/int256; whitespace is not.
    /// </summary>
    /// <exception cref="AbiException">for anything that is not an ABI type.</exception>
    public static AbiType Parse(string text) => AbiTypeParser.Parse(text);

    public bool Equals(AbiType? other) => other is not null && CanonicalName == other.CanonicalName;

    public override bool Equals(object? obj) => obj is AbiType other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalName);

    public override string ToString() => CanonicalName;

    public static bool operator ==(AbiType? left, AbiType? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(AbiType? left, AbiType? right) => !(left == right);

    internal static string Truncate(string s) => s.Length <= 80 ? s : string.Concat(s.AsSpan(0, 77), "...");

    private static int CheckBits(int bits) =>
        bits is >= 8 and <= 256 && bits % 8 == 0 ? bits : throw new AbiException($"integer size must be a multiple of 8 in 8..256, got {bits}");

    private static AbiType[] CreateIntegers(AbiKind kind)
    {
        var types = new AbiType[32];
        for (var i = 0; i < 32; i++)
        {
            var bits = (i + 1) * 8;
            types[i] = new AbiType(kind, bits, null, [], (kind == AbiKind.UInt ? "uint" : "int") + bits);
        }
        return types;
    }

    private static AbiType[] CreateFixedBytes()
    {
        var types = new AbiType[32];
        for (var i = 0; i < 32; i++) types[i] = new AbiType(AbiKind.FixedBytes, i + 1, null, [], "bytes" + (i + 1));
        return types;
    }
}
