using DePin.Index.Ethereum.Primitives;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Utilities;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace DePin.Index.Ethereum.Signing;

/// <summary>
/// Public-key recovery from a digest and a signature (SEC 1 §4.1.6), as the ecrecover precompile does.
/// Thread-safe. High-s signatures are recovered (check <see cref="EthSignature.IsLowS"/> where the
/// protocol forbids them); r and s outside [1, n-1] cannot reach here (<see cref="EthSignature"/> rejects them).
/// </summary>
public static class EcRecover
{
    /// <summary>The signer's address.</summary>
    /// <exception cref="SignatureException">no public key matches (r is not an x coordinate on the curve).</exception>
    public static Address Recover(Hash32 digest, EthSignature signature) =>
        Secp256k1.AddressOf(RecoverPoint(digest, signature));

    /// <summary>Like <see cref="Recover"/> but returns false instead of throwing when nothing can be recovered.</summary>
    public static bool TryRecover(Hash32 digest, EthSignature signature, out Address address)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var point = TryRecoverPoint(digest, signature, out _);
        address = point is null ? default : Secp256k1.AddressOf(point);
        return point is not null;
    }

    /// <summary>The signer's uncompressed public key, 0x04 ‖ X ‖ Y.</summary>
    /// <exception cref="SignatureException">no public key matches.</exception>
    public static byte[] RecoverPublicKey(Hash32 digest, EthSignature signature) =>
        RecoverPoint(digest, signature).GetEncoded(false);

    private static ECPoint RecoverPoint(Hash32 digest, EthSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return TryRecoverPoint(digest, signature, out var error) ?? throw new SignatureException(error);
    }

    private static ECPoint? TryRecoverPoint(Hash32 digest, EthSignature signature, out string error)
    {
        var n = Secp256k1.N;
        var r = signature.BcR;
        var s = signature.BcS;

        // R = the curve point with x = r and y of parity recoveryId (x = r + n for ids 2/3 is not used by Ethereum).
        var compressed = new byte[33];
        compressed[0] = (byte)(0x02 | signature.RecoveryId);
        signature.R.CopyTo(compressed.AsSpan(1));
        ECPoint bigR;
        try
        {
            bigR = Secp256k1.Curve.DecodePoint(compressed);
        }
        catch (ArgumentException)
        {
            error = "r is not the x coordinate of a point on secp256k1: no public key can be recovered";
            return null;
        }

        // Q = r⁻¹ (s·R − e·G)
        Span<byte> message = stackalloc byte[32];
        digest.CopyTo(message);
        var e = new BcBigInteger(1, message);
        var rInverse = BigIntegers.ModOddInverse(n, r);
        var u1 = n.Subtract(e.Mod(n)).Multiply(rInverse).Mod(n);
        var u2 = s.Multiply(rInverse).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Secp256k1.G, u1, bigR, u2).Normalize();
        if (q.IsInfinity)
        {
            error = "the recovered public key is the point at infinity";
            return null;
        }
        error = "";
        return q;
    }
}
