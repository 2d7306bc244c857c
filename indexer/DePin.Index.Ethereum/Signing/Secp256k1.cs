using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace DePin.Index.Ethereum.Signing;

/// <summary>
/// The secp256k1 curve parameters, built once. BouncyCastle's points are immutable and its precomputation
/// tables are filled under a lock, so these are safe to share between threads.
/// </summary>
internal static class Secp256k1
{
    public static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    public static readonly ECDomainParameters Domain = new(Parameters.Curve, Parameters.G, Parameters.N, Parameters.H);
    public static readonly ECCurve Curve = Parameters.Curve;
    public static readonly ECPoint G = Parameters.G;

    /// <summary>The group order n.</summary>
    public static readonly BigInteger N = Parameters.N;

    /// <summary>n / 2 (rounded down): a canonical ("low-s") signature has s ≤ this.</summary>
    public static readonly BigInteger HalfN = Parameters.N.ShiftRight(1);

    /// <summary>The field prime p (the curve is a SecP256K1Curve, not an FpCurve: read it from the field).</summary>
    public static readonly BigInteger P = Parameters.Curve.Field.Characteristic;

    /// <summary>Fixed-base multiplier for k·G and d·G; shares its table through the point G.</summary>
    public static readonly FixedPointCombMultiplier BaseMultiplier = new();

    /// <summary>Unsigned big-endian 32-byte form of a value below 2^256.</summary>
    public static byte[] ToBytes32(BigInteger value)
    {
        var raw = value.ToByteArrayUnsigned();
        if (raw.Length == 32) return raw;
        if (raw.Length > 32) throw new ArgumentOutOfRangeException(nameof(value), "value does not fit in 32 bytes");
        var padded = new byte[32];
        raw.CopyTo(padded, 32 - raw.Length);
        return padded;
    }

    /// <summary>Ethereum address of an uncompressed public key point: the last 20 bytes of keccak(X‖Y).</summary>
    public static Primitives.Address AddressOf(ECPoint normalizedPoint)
    {
        var encoded = normalizedPoint.GetEncoded(false); // 0x04 ‖ X ‖ Y
        Span<byte> hash = stackalloc byte[32];
        Primitives.Keccak256.Hash(encoded.AsSpan(1), hash);
        return new Primitives.Address(hash[12..]);
    }
}
