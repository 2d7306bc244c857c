using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Keystore.Internal;

namespace DePin.Index.Keystore;

/// <summary>
/// Ethereum's Web3 Secret Storage, version 3: the private key encrypted with AES-128-CTR under the first 16
/// bytes of a key derived from the passphrase (scrypt or PBKDF2-HMAC-SHA256), authenticated by
/// MAC = keccak256(derivedKey[16..32] ‖ ciphertext). Reads both KDFs; writes scrypt. Pure: no file I/O.
/// </summary>
public static class SecretStorage
{
    /// <summary>Encrypts <paramref name="key"/> into a v3 JSON document (geth's layout, address without 0x).</summary>
    public static string Encrypt(EthKey key, string passphrase, ScryptParameters? scrypt = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(passphrase);
        var cost = scrypt ?? ScryptParameters.Standard;
        var salt = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(16);
        var derived = Internal.Kdf.Scrypt(Encoding.UTF8.GetBytes(passphrase), salt, cost, 32);
        var secret = key.ExportPrivateKey();
        try
        {
            var ciphertext = Aes128Ctr.Apply(derived.AsSpan(0, 16), iv, secret);
            var mac = Mac(derived, ciphertext);
            var document = new JsonObject
            {
                ["address"] = key.Address.ToHex()[2..],
                ["crypto"] = new JsonObject
                {
                    ["cipher"] = "aes-128-ctr",
                    ["ciphertext"] = Convert.ToHexStringLower(ciphertext),
                    ["cipherparams"] = new JsonObject { ["iv"] = Convert.ToHexStringLower(iv) },
                    ["kdf"] = "scrypt",
                    ["kdfparams"] = new JsonObject
                    {
                        ["dklen"] = 32,
                        ["n"] = cost.N,
                        ["p"] = cost.P,
                        ["r"] = cost.R,
                        ["salt"] = Convert.ToHexStringLower(salt),
                    },
                    ["mac"] = Convert.ToHexStringLower(mac),
                },
                ["id"] = Guid.NewGuid().ToString(),
                ["version"] = 3,
            };
            return document.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    /// <summary>Decrypts a v3 document.</summary>
    /// <exception cref="WrongPassphraseException">the MAC does not match.</exception>
    /// <exception cref="KeystoreException">the document is malformed or uses an unsupported cipher/KDF, or its address field disagrees with the key.</exception>
    public static EthKey Decrypt(string json, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(passphrase);
        var root = Internal.Json.Parse(json);
        var version = Internal.Json.Int(root, "version");
        if (version != 3) throw new KeystoreException($"unsupported key file version {version} (only 3)");
        var crypto = Internal.Json.Object(root, "crypto");
        var cipher = Internal.Json.String(crypto, "cipher");
        if (cipher != "aes-128-ctr") throw new KeystoreException($"unsupported cipher '{cipher}' (only aes-128-ctr)");
        var iv = Internal.Json.Hex(Internal.Json.Object(crypto, "cipherparams"), "iv");
        var ciphertext = Internal.Json.Hex(crypto, "ciphertext");
        var expectedMac = Internal.Json.Hex(crypto, "mac");
        if (ciphertext.Length != 32) throw new KeystoreException($"'ciphertext' must be 32 bytes, got {ciphertext.Length}");
        var derived = Internal.Kdf.Derive(Internal.Json.String(crypto, "kdf"), Internal.Json.Object(crypto, "kdfparams"), Encoding.UTF8.GetBytes(passphrase));
        byte[]? secret = null;
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Mac(derived, ciphertext), expectedMac)) throw new WrongPassphraseException();
            secret = Aes128Ctr.Apply(derived.AsSpan(0, 16), iv, ciphertext);
            EthKey key;
            try
            {
                key = EthKey.FromPrivateKey(secret);
            }
            catch (SignatureException e)
            {
                throw new KeystoreException($"the decrypted private key is not valid: {e.Message}", e);
            }
            if (AddressField(root) is { } address && address != key.Address)
            {
                throw new KeystoreException($"the key file names address {address} but holds the key of {key.Address}");
            }
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
            if (secret is not null) CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The "address" field of a document (without decrypting), or null if absent.</summary>
    /// <exception cref="KeystoreException">not JSON, or the address is malformed.</exception>
    public static Address? ReadAddress(string json) => AddressField(Internal.Json.Parse(json));

    private static Address? AddressField(JsonObject root)
    {
        if (!root.TryGetPropertyValue("address", out var node) || node is null) return null;
        var text = Internal.Json.String(root, "address");
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) text = "0x" + text;
        return Address.TryParse(text.ToLowerInvariant(), out var address)
            ? address
            : throw new KeystoreException($"'address' is not a 20-byte hex address: {text}");
    }

    private static byte[] Mac(byte[] derived, byte[] ciphertext)
    {
        var input = new byte[16 + ciphertext.Length];
        derived.AsSpan(16, 16).CopyTo(input);
        ciphertext.CopyTo(input, 16);
        return Keccak256.Hash(input);
    }
}
