using System.Text.Json;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc.Internal;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// Which block a call refers to: a tag (<c>latest</c>, <c>earliest</c>, <c>pending</c>, <c>safe</c>,
/// <c>finalized</c>), a number, or (EIP-1898, for state queries) a block hash. A number converts implicitly.
/// </summary>
public readonly struct BlockParameter : IEquatable<BlockParameter>, IRpcParam
{
    private readonly string? _tag;

    private BlockParameter(string? tag, long number, Hash32? hash)
    {
        _tag = tag;
        Number = number;
        Hash = hash;
    }

    public static BlockParameter Latest { get; } = new("latest", 0, null);
    public static BlockParameter Earliest { get; } = new("earliest", 0, null);
    public static BlockParameter Pending { get; } = new("pending", 0, null);
    public static BlockParameter Safe { get; } = new("safe", 0, null);
    public static BlockParameter Finalized { get; } = new("finalized", 0, null);

    /// <summary>The block number, when this is a number (see <see cref="IsNumber"/>).</summary>
    public long Number { get; }

    /// <summary>The block hash, when this is a hash.</summary>
    public Hash32? Hash { get; }

    public bool IsNumber => _tag is null && Hash is null;

    /// <summary>A block by number (0 or more).</summary>
    public static BlockParameter FromNumber(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        return new BlockParameter(null, number, null);
    }

    /// <summary>A block by hash (EIP-1898); valid for state queries such as eth_call and eth_getBalance, not eth_getLogs.</summary>
    public static BlockParameter FromHash(Hash32 hash) => new(null, 0, hash);

    public static implicit operator BlockParameter(long number) => FromNumber(number);

    /// <summary>The block tag or hex number as JSON-RPC writes it (a hash prints as its hex).</summary>
    public override string ToString() => _tag ?? Hash?.ToHex() ?? HexQuantity.Format(Number);

    void IRpcParam.WriteJson(Utf8JsonWriter writer)
    {
        if (Hash is { } hash)
        {
            writer.WriteStartObject();
            writer.WriteString("blockHash"u8, hash.ToHex());
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStringValue(ToString());
        }
    }

    public bool Equals(BlockParameter other) => _tag == other._tag && Number == other.Number && Hash == other.Hash;
    public override bool Equals(object? obj) => obj is BlockParameter other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_tag, Number, Hash);
    public static bool operator ==(BlockParameter left, BlockParameter right) => left.Equals(right);
    public static bool operator !=(BlockParameter left, BlockParameter right) => !left.Equals(right);
}
