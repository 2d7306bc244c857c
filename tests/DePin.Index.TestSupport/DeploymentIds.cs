using System.Security.Cryptography;
using System.Text;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.TestSupport;

/// <summary>Deployment ids for tests: the CIDv0 form (<c>Qm…</c>: base58 of the sha2-256 multihash) of a text.</summary>
public static class DeploymentIds
{
    public static string Of(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Base58.Encode([0x12, 0x20, .. digest]);
    }
}
