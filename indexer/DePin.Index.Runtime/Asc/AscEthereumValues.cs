using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Runtime.Asc;

/// <summary>
/// graph-ts <c>ethereum.Value</c> (an AscEnum: 0 Address, 1 FixedBytes, 2 Bytes, 3 Int, 4 Uint,
/// 5 Bool, 6 String, 7 FixedArray, 8 Array, 9 Tuple, 10 Function) to and from the ABI codec's
/// values (<c>Address</c>, <c>byte[]</c>, <c>BigInteger</c>, <c>bool</c>, <c>string</c>, <c>object[]</c>).
/// </summary>
internal static class AscEthereumValues
{
    private static readonly BigInteger Int256Min = -(BigInteger.One << 255);
    private static readonly BigInteger Int256Max = (BigInteger.One << 255) - 1;
    private static readonly BigInteger UInt256Max = (BigInteger.One << 256) - 1;

    /// <summary>Writes <paramref name="value"/> of ABI type <paramref name="type"/>.</summary>
    public static uint WriteEthereumValue(this AscHeap heap, AbiType type, object value)
    {
        (uint kind, ulong payload) = type.Kind switch
        {
            AbiKind.Address => (0u, (ulong)heap.WriteUint8Array(ToAddress(value).ToArray())),
            AbiKind.FixedBytes => (1u, (ulong)heap.WriteUint8Array(ToBytes(value).Span)),
            AbiKind.Bytes => (2u, (ulong)heap.WriteUint8Array(ToBytes(value).Span)),
            AbiKind.Int => (3u, (ulong)heap.WriteBigInt((BigInteger)value)),
            AbiKind.UInt => (4u, (ulong)heap.WriteBigInt((BigInteger)value)),
            AbiKind.Bool => (5u, (bool)value ? 1UL : 0UL),
            AbiKind.String => (6u, (ulong)heap.WriteString((string)value)),
            AbiKind.FixedArray => (7u, (ulong)heap.WriteEthereumValueArray(Repeat(type.ElementType!, value), (object[])value)),
            AbiKind.Array => (8u, (ulong)heap.WriteEthereumValueArray(Repeat(type.ElementType!, value), (object[])value)),
            AbiKind.Tuple => (9u, (ulong)heap.WriteEthereumValueArray(type.Components.Select(c => c.Type).ToArray(), (object[])value)),
            _ => throw new InvalidOperationException($"unsupported ABI type {type}"),
        };
        return heap.WriteEnum(AscTypeId.EthereumValue, kind, payload);
    }

    /// <summary>Writes an <c>Array&lt;ethereum.Value&gt;</c>.</summary>
    public static uint WriteEthereumValueArray(this AscHeap heap, IReadOnlyList<AbiType> types, IReadOnlyList<object> values)
    {
        if (types.Count != values.Count)
        {
            throw new InvalidOperationException($"expected {types.Count} values, got {values.Count}");
        }

        var items = new uint[values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = heap.WriteEthereumValue(types[i], values[i]);
        }

        return heap.WritePointerArray(AscTypeId.ArrayEthereumValue, items);
    }

    /// <summary>
    /// Reads an <c>ethereum.Value</c> with the checks graph-node applies (20-byte addresses,
    /// fixed bytes of at most 32, integers within int256/uint256) and infers its ABI type
    /// (integers as 256-bit, arrays from their first element, <c>uint256</c> for an empty one).
    /// </summary>
    public static (AbiType Type, object Value) ReadEthereumValue(this AscHeap heap, uint ptr, int depth = 0)
    {
        AscCollections.CheckDepth(++depth);
        var (kind, payload) = heap.ReadEnum(ptr, "ethereum.Value");
        var p = (uint)payload;
        switch (kind)
        {
            case 0:
                var address = heap.ReadUint8Array(p);
                return address.Length == 20
                    ? (AbiType.Address, new Address(address))
                    : throw HostException.Fail($"expected array of length 20, found length {address.Length}");
            case 1:
                var fixedBytes = heap.ReadUint8Array(p);
                return fixedBytes.Length is >= 1 and <= 32
                    ? (AbiType.FixedBytes(fixedBytes.Length), fixedBytes)
                    : throw HostException.Fail($"fixed bytes of length {fixedBytes.Length} must be 1 to 32 bytes long");
            case 2:
                return (AbiType.Bytes, heap.ReadUint8Array(p));
            case 3:
                var signed = heap.ReadBigInt(p);
                return signed >= Int256Min && signed <= Int256Max
                    ? (AbiType.Int256, signed)
                    : throw HostException.Fail($"BigInt value `{signed}` does not fit into int256");
            case 4:
                var unsigned = heap.ReadBigInt(p);
                return unsigned.Sign < 0
                    ? throw HostException.Fail($"BigInt value is negative, cannot convert to unsigned U256: {unsigned}")
                    : unsigned > UInt256Max
                        ? throw HostException.Fail($"BigInt value `{unsigned}` does not fit into uint256")
                        : (AbiType.UInt256, unsigned);
            case 5:
                return (AbiType.Bool, payload != 0);
            case 6:
                return (AbiType.String, heap.ReadString(p));
            case 7:
                var fixedItems = heap.ReadEthereumValueArray(p, depth);
                return (AbiType.FixedArray(ElementType(fixedItems), fixedItems.Length), fixedItems.Select(i => i.Value).ToArray());
            case 8:
                var items = heap.ReadEthereumValueArray(p, depth);
                return (AbiType.Array(ElementType(items)), items.Select(i => i.Value).ToArray());
            case 9:
                var components = heap.ReadEthereumValueArray(p, depth);
                return (AbiType.Tuple(components.Select(c => c.Type).ToArray()), components.Select(c => c.Value).ToArray());
            case 10:
                var function = heap.ReadUint8Array(p);
                return function.Length == 24
                    ? (AbiType.FixedBytes(24), function)
                    : throw HostException.Fail($"expected array of length 24, found length {function.Length}");
            default:
                throw HostException.Fail($"invalid ethereum value kind {kind}");
        }
    }

    public static (AbiType Type, object Value)[] ReadEthereumValueArray(this AscHeap heap, uint ptr, int depth = 0) =>
        heap.ReadPointerArray(ptr).Select(item => heap.ReadEthereumValue(item, depth)).ToArray();

    private static AbiType ElementType((AbiType Type, object Value)[] items) => items.Length == 0 ? AbiType.UInt256 : items[0].Type;

    private static AbiType[] Repeat(AbiType element, object value) => Enumerable.Repeat(element, ((object[])value).Length).ToArray();

    private static Address ToAddress(object value) => value switch
    {
        Address a => a,
        byte[] b => new Address(b),
        _ => throw new InvalidOperationException($"expected an address, got {value.GetType().Name}"),
    };

    private static ReadOnlyMemory<byte> ToBytes(object value) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m,
        Hash32 h => h.ToArray(),
        _ => throw new InvalidOperationException($"expected bytes, got {value.GetType().Name}"),
    };
}
