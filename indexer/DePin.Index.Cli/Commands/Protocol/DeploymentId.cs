using DePin.Index.Ethereum.Primitives;
using DePin.Index.Node.Ipfs;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// A subgraph deployment id: the CIDv0 (<c>Qm…</c>) as users see it, the bytes32 sha256 digest inside it as the
/// contracts store it (docs/protocol-spec.md).
/// </summary>
public readonly record struct DeploymentId(Hash32 Bytes)
{
    /// <summary>Qm… or 0x + 64 hex digits.</summary>
    /// <exception cref="CliException">neither.</exception>
    public static DeploymentId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return Hash32.TryParse(s, out var hash)
                ? new DeploymentId(hash)
                : throw new CliException($"deployment id '{text}' is not 0x + 64 hex digits");
        }
        if (Cid.TryParse(s, out var cid) && cid.Multihash.Length == 34 && cid.Multihash[0] == Cid.Sha2_256 && cid.Multihash[1] == 32)
        {
            return new DeploymentId(new Hash32(cid.Multihash[2..]));
        }
        throw new CliException($"deployment id '{text}' is neither a CIDv0 (Qm…) nor 0x + 64 hex digits");
    }

    /// <summary>The Qm… form.</summary>
    public override string ToString()
    {
        Span<byte> multihash = stackalloc byte[34];
        multihash[0] = Cid.Sha2_256;
        multihash[1] = 32;
        Bytes.CopyTo(multihash[2..]);
        return Cid.FromMultihash(multihash).Text;
    }

    public byte[] ToArray() => Bytes.ToArray();
}
