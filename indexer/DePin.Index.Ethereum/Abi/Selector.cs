using System.Buffers.Binary;
using System.Globalization;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Abi;

/// <summary>A 4-byte function or error selector: the first 4 bytes of keccak256(signature), big-endian.</summary>
public readonly record struct Selector(uint Value)
{
    /// <summary>Selector of a canonical signature such as <c>transfer(address,uint256)</c>.</summary>
    public static Selector FromSignature(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new Selector(BinaryPrimitives.ReadUInt32BigEndian(Keccak256.Hash(signature)));
    }

    /// <summary>Reads the selector at the start of call or revert data.</summary>
    /// <exception cref="AbiException">when the data is shorter than 4 bytes.</exception>
    public static Selector Read(ReadOnlySpan<byte> data) =>
        data.Length >= 4 ? new Selector(BinaryPrimitives.ReadUInt32BigEndian(data)) : throw new AbiException($"data of {data.Length} bytes is too short to hold a 4-byte selector");

    /// <summary>Parses <c>0x</c> + 8 hex digits.</summary>
    public static Selector Parse(string hex)
    {
        Span<byte> b = stackalloc byte[4];
        if (hex is null || !Hex.TryDecode(hex, b)) throw new FormatException($"not a 4-byte hex selector: '{hex}'");
        return new Selector(BinaryPrimitives.ReadUInt32BigEndian(b));
    }

    public void CopyTo(Span<byte> destination4) => BinaryPrimitives.WriteUInt32BigEndian(destination4, Value);

    public byte[] ToArray()
    {
        var b = new byte[4];
        CopyTo(b);
        return b;
    }

    public override string ToString() => "0x" + Value.ToString("x8", CultureInfo.InvariantCulture);
}
