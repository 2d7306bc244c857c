using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol.Internal;

namespace DePin.Index.Protocol;

/// <summary>
/// A subgraph deployment id as the contracts keep it: the 32-byte sha256 digest inside the deployment's CIDv0
/// ("Qm…" = base58 of 0x12 0x20 ‖ digest). Parses either form; prints the CID.
/// </summary>
public readonly record struct DeploymentId(Hash32 Bytes)
{
    /// <summary>"Qm…" (46 characters) or a 0x-prefixed 32-byte hex string.</summary>
    /// <exception cref="FormatException">anything else, with the reason.</exception>
    public static DeploymentId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (t.Length != 66) throw new FormatException($"'{text}' is not a deployment id: 0x-hex ids have 64 hex digits");
            return new DeploymentId(Hash32.Parse(t));
        }
        if (!t.StartsWith("Qm", StringComparison.Ordinal) || t.Length != 46)
            throw new FormatException($"'{text}' is not a deployment id: expected a CIDv0 (Qm…, 46 characters) or 0x and 64 hex digits");
        var bytes = Base58.Decode(t) ?? throw new FormatException($"'{text}' is not a deployment id: not base58");
        if (bytes.Length != 34 || bytes[0] != 0x12 || bytes[1] != 0x20)
            throw new FormatException($"'{text}' is not a deployment id: not a sha2-256 multihash");
        return new DeploymentId(new Hash32(bytes.AsSpan(2)));
    }

    public static bool TryParse(string text, out DeploymentId id)
    {
        try
        {
            id = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            id = default;
            return false;
        }
    }

    public static DeploymentId FromBytes(ReadOnlySpan<byte> bytes32) => new(new Hash32(bytes32));

    /// <summary>The CIDv0 form, "Qm…".</summary>
    public string ToCid()
    {
        Span<byte> multihash = stackalloc byte[34];
        multihash[0] = 0x12;
        multihash[1] = 0x20;
        Bytes.CopyTo(multihash[2..]);
        return Base58.Encode(multihash);
    }

    public string ToHex() => Bytes.ToHex();

    public byte[] ToArray() => Bytes.ToArray();

    public override string ToString() => ToCid();
}
