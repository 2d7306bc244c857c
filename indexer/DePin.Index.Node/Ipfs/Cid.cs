using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Node.Ipfs.Internal;

namespace DePin.Index.Node.Ipfs;

/// <summary>
/// A CIDv0: the sha2-256 multihash (<c>0x12 0x20</c> + 32-byte digest) of a dag-pb block, written in base58btc
/// (<c>Qm…</c>, 46 characters). This is what <c>ipfs add</c> returns by default and what graph-node uses as a
/// deployment id.
/// </summary>
public sealed class Cid : IEquatable<Cid>
{
    /// <summary>sha2-256 multihash code.</summary>
    public const byte Sha2_256 = 0x12;

    /// <summary>Digest length of sha2-256.</summary>
    public const int DigestLength = 32;

    private readonly byte[] _multihash;

    private Cid(byte[] multihash)
    {
        _multihash = multihash;
        Text = Base58.Encode(multihash);
    }

    /// <summary>The base58btc text, e.g. <c>QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH</c>.</summary>
    public string Text { get; }

    /// <summary>The 34 bytes of the multihash (also the binary CIDv0 a dag-pb link holds).</summary>
    public ReadOnlySpan<byte> Multihash => _multihash;

    /// <summary>The CID of a block: sha2-256 of its bytes.</summary>
    public static Cid Of(ReadOnlySpan<byte> block)
    {
        var multihash = new byte[2 + DigestLength];
        multihash[0] = Sha2_256;
        multihash[1] = DigestLength;
        SHA256.HashData(block, multihash.AsSpan(2));
        return new Cid(multihash);
    }

    /// <summary>Reads a binary CIDv0 (a sha2-256 multihash), as found in a dag-pb link.</summary>
    /// <exception cref="IpfsFormatException">for anything but a 34-byte sha2-256 multihash.</exception>
    public static Cid FromMultihash(ReadOnlySpan<byte> multihash)
    {
        if (multihash.Length != 2 + DigestLength || multihash[0] != Sha2_256 || multihash[1] != DigestLength)
        {
            throw new IpfsFormatException(
                $"not a CIDv0 (sha2-256 multihash of 34 bytes): {Convert.ToHexString(multihash[..Math.Min(multihash.Length, 8)])}…");
        }

        return new Cid(multihash.ToArray());
    }

    /// <summary>Parses <c>Qm…</c> text.</summary>
    /// <exception cref="IpfsFormatException">naming what is wrong.</exception>
    public static Cid Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var cid, out var error) ? cid : throw new IpfsFormatException(error);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out Cid? cid) => TryParse(text, out cid, out _);

    public bool Equals(Cid? other) => other is not null && _multihash.AsSpan().SequenceEqual(other._multihash);

    public override bool Equals(object? obj) => Equals(obj as Cid);

    public override int GetHashCode() => BitConverter.ToInt32(_multihash, 2);

    public override string ToString() => Text;

    private static bool TryParse(string? text, [NotNullWhen(true)] out Cid? cid, out string error)
    {
        cid = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "empty IPFS hash";
            return false;
        }

        if (text.Length != 46 || !text.StartsWith("Qm", StringComparison.Ordinal))
        {
            error = $"invalid IPFS hash '{Shorten(text)}': only CIDv0 hashes (Qm… of 46 base58 characters) are supported";
            return false;
        }

        var bytes = Base58.Decode(text);
        if (bytes is null || bytes.Length != 2 + DigestLength || bytes[0] != Sha2_256 || bytes[1] != DigestLength)
        {
            error = $"invalid IPFS hash '{Shorten(text)}': not a base58btc sha2-256 multihash";
            return false;
        }

        cid = new Cid(bytes);
        error = "";
        return true;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
