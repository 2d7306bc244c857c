using System.Security.Cryptography;
using DePin.Index.Ethereum.Primitives;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Utilities;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace DePin.Index.Ethereum.Signing;

/// <summary>
/// A secp256k1 private key with its public key and Ethereum address. Immutable and thread-safe.
/// Signatures are deterministic (RFC 6979 nonce with HMAC-SHA256, as libsecp256k1 and geth use),
/// normalised to low s, with recovery id 0/1.
/// </summary>
public sealed class EthKey
{
    private readonly BcBigInteger _d;
    private readonly byte[] _publicKey;

    private EthKey(BcBigInteger d)
    {
        _d = d;
        var q = Secp256k1.BaseMultiplier.Multiply(Secp256k1.G, d).Normalize();
        _publicKey = q.GetEncoded(false);
        Address = Secp256k1.AddressOf(q);
    }

    /// <summary>The account address: last 20 bytes of keccak(X ‖ Y).</summary>
    public Address Address { get; }

    /// <summary>A key from 32 big-endian bytes.</summary>
    /// <exception cref="SignatureException">not 32 bytes, zero, or not below the curve order n.</exception>
    public static EthKey FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32) throw new SignatureException($"a private key is 32 bytes, got {privateKey.Length}");
        var d = new BcBigInteger(1, privateKey);
        if (!IsValidScalar(d)) throw new SignatureException("a private key must be in [1, n-1] (n = secp256k1 order)");
        return new EthKey(d);
    }

    /// <summary>A key from 64 hex digits, with or without 0x.</summary>
    /// <exception cref="SignatureException">not 32 bytes of hex, or out of range.</exception>
    public static EthKey FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        Span<byte> raw = stackalloc byte[32];
        // Never echo the input: it is a secret.
        if (!Hex.TryDecode(hex, raw)) throw new SignatureException("a private key must be 64 hex digits (32 bytes), with or without 0x");
        return FromPrivateKey(raw);
    }

    /// <summary>
    /// Deterministic derivation for tests and devnets: h = keccak(seed), then h = keccak(h) until h is a valid
    /// key. Not a wallet standard (not BIP-32/39); the same seed always gives the same key.
    /// </summary>
    public static EthKey FromSeed(ReadOnlySpan<byte> seed)
    {
        Span<byte> h = stackalloc byte[32];
        Keccak256.Hash(seed, h);
        while (true)
        {
            var d = new BcBigInteger(1, h);
            if (IsValidScalar(d)) return new EthKey(d);
            Keccak256.Hash(h.ToArray(), h);
        }
    }

    /// <summary>A fresh random key from the operating system's CSPRNG.</summary>
    public static EthKey Generate()
    {
        Span<byte> raw = stackalloc byte[32];
        while (true)
        {
            RandomNumberGenerator.Fill(raw);
            var d = new BcBigInteger(1, raw);
            if (IsValidScalar(d))
            {
                raw.Clear();
                return new EthKey(d);
            }
        }
    }

    /// <summary>Uncompressed public key: 0x04 ‖ X ‖ Y (65 bytes). A copy.</summary>
    public byte[] GetPublicKey() => (byte[])_publicKey.Clone();

    /// <summary>The 32-byte private key. Handle with care.</summary>
    public byte[] ExportPrivateKey() => Secp256k1.ToBytes32(_d);

    /// <summary>
    /// Signs a 32-byte digest. The nonce k follows RFC 6979 (HMAC-SHA256); s is normalised to ≤ n/2 and the
    /// recovery id adjusted, so <see cref="EcRecover.Recover"/> returns <see cref="Address"/>.
    /// </summary>
    public EthSignature Sign(Hash32 digest)
    {
        Span<byte> message = stackalloc byte[32];
        digest.CopyTo(message);
        var e = new BcBigInteger(1, message);
        var n = Secp256k1.N;
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(n, _d, message.ToArray());
        while (true)
        {
            var k = kCalculator.NextK();
            var point = Secp256k1.BaseMultiplier.Multiply(Secp256k1.G, k).Normalize();
            var r = point.AffineXCoord.ToBigInteger();
            // R.x ≥ n would need recovery id 2/3, which Ethereum cannot express (probability ~2^-128): next k.
            if (r.CompareTo(n) >= 0 || r.SignValue == 0) continue;
            var s = BigIntegers.ModOddInverse(n, k).Multiply(e.Add(_d.Multiply(r))).Mod(n);
            if (s.SignValue == 0) continue;
            var recoveryId = point.AffineYCoord.TestBitZero() ? 1 : 0;
            if (s.CompareTo(Secp256k1.HalfN) > 0)
            {
                s = n.Subtract(s);
                recoveryId ^= 1;
            }
            return new EthSignature(r, s, recoveryId);
        }
    }

    /// <summary>Address of a public key given as 65 bytes (0x04 ‖ X ‖ Y), 64 bytes (X ‖ Y) or 33 bytes (compressed).</summary>
    /// <exception cref="SignatureException">another length, or not a point on secp256k1.</exception>
    public static Address AddressOf(ReadOnlySpan<byte> publicKey)
    {
        byte[] encoded = publicKey.Length switch
        {
            65 or 33 => publicKey.ToArray(),
            64 => [0x04, .. publicKey],
            _ => throw new SignatureException($"a public key is 65, 64 or 33 bytes, got {publicKey.Length}"),
        };
        try
        {
            return Secp256k1.AddressOf(Secp256k1.Curve.DecodePoint(encoded).Normalize());
        }
        catch (ArgumentException ex)
        {
            throw new SignatureException("the public key is not a point on secp256k1", ex);
        }
    }

    /// <summary>Shows the address only, never the secret.</summary>
    public override string ToString() => $"EthKey({Address})";

    private static bool IsValidScalar(BcBigInteger d) => d.SignValue > 0 && d.CompareTo(Secp256k1.N) < 0;
}
