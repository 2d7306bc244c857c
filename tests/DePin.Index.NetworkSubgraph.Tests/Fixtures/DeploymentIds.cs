using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>Deployment ids for tests: the CIDv0 form (<c>Qm…</c>: base58 of the sha2-256 multihash) of a text.</summary>
internal static class DeploymentIds
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Of(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        byte[] multihash = [0x12, 0x20, .. digest];
        var value = new BigInteger(multihash, isUnsigned: true, isBigEndian: true);
        var chars = new StringBuilder();
        while (value > 0)
        {
            chars.Insert(0, Alphabet[(int)(value % 58)]);
            value /= 58;
        }

        return chars.ToString();
    }
}
