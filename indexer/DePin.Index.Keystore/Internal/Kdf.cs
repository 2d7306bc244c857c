using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Generators;

namespace DePin.Index.Keystore.Internal;

/// <summary>The two key derivation functions of Web3 Secret Storage v3: scrypt and PBKDF2 with HMAC-SHA256.</summary>
internal static class Kdf
{
    /// <summary>Upper bound for PBKDF2 iterations read from a file (a hostile file must not pin the CPU for hours).</summary>
    public const int MaxPbkdf2Iterations = 10_000_000;

    public static byte[] Scrypt(byte[] passphrase, byte[] salt, ScryptParameters p, int dkLen)
    {
        p.Validate();
        // BouncyCastle follows RFC 7914 (n < 2^(16·r)); geth and the published vectors don't (n = 2^18, r = 1).
        var withinRfc = p.R >= 2 || p.N < 1 << 16;
        return withinRfc
            ? SCrypt.Generate(passphrase, salt, p.N, p.R, p.P, dkLen)
            : ScryptCore.Generate(passphrase, salt, p.N, p.R, p.P, dkLen);
    }

    public static byte[] Pbkdf2Sha256(byte[] passphrase, byte[] salt, int iterations, int dkLen) =>
        Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, iterations, HashAlgorithmName.SHA256, dkLen);

    /// <summary>Derives the key a file's "kdf" and "kdfparams" describe.</summary>
    public static byte[] Derive(string kdf, JsonObject kdfParams, byte[] passphrase)
    {
        var dkLen = Json.Int(kdfParams, "dklen");
        if (dkLen < 32 || dkLen > 1024) throw new KeystoreException($"kdfparams.dklen must be 32..1024, got {dkLen}");
        var salt = Json.Hex(kdfParams, "salt");
        switch (kdf)
        {
            case "scrypt":
                return Scrypt(passphrase, salt, new ScryptParameters(Json.Int(kdfParams, "n"), Json.Int(kdfParams, "r"), Json.Int(kdfParams, "p")), dkLen);
            case "pbkdf2":
                var prf = Json.String(kdfParams, "prf");
                if (prf != "hmac-sha256") throw new KeystoreException($"unsupported pbkdf2 prf '{prf}' (only hmac-sha256)");
                var c = Json.Int(kdfParams, "c");
                if (c < 1 || c > MaxPbkdf2Iterations) throw new KeystoreException($"pbkdf2 c must be 1..{MaxPbkdf2Iterations}, got {c}");
                return Pbkdf2Sha256(passphrase, salt, c, dkLen);
            default:
                throw new KeystoreException($"unsupported kdf '{kdf}' (scrypt or pbkdf2)");
        }
    }
}
