using DePin.Index.Ethereum.Primitives;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace DePin.Index.Ethereum.Signing;

/// <summary>
/// A secp256k1 ECDSA signature as Ethereum uses it: r and s (each 1 ≤ value &lt; n, written as 32 bytes)
/// and the recovery id (0 or 1, the parity of the nonce point's y). Immutable. A high s (s &gt; n/2) is
/// accepted here so old or foreign signatures can be recovered, and flagged by <see cref="IsLowS"/>.
/// </summary>
public sealed class EthSignature : IEquatable<EthSignature>
{
    private readonly byte[] _r;
    private readonly byte[] _s;

    /// <summary>Builds a signature from 32-byte big-endian r and s and a recovery id 0/1.</summary>
    /// <exception cref="SignatureException">wrong lengths, r or s zero or ≥ n, recovery id not 0/1.</exception>
    public EthSignature(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, int recoveryId)
    {
        if (r.Length != 32) throw new SignatureException($"r must be 32 bytes, got {r.Length}");
        if (s.Length != 32) throw new SignatureException($"s must be 32 bytes, got {s.Length}");
        BcR = new BcBigInteger(1, r);
        BcS = new BcBigInteger(1, s);
        Validate(BcR, BcS, recoveryId);
        _r = r.ToArray();
        _s = s.ToArray();
        RecoveryId = recoveryId;
    }

    internal EthSignature(BcBigInteger r, BcBigInteger s, int recoveryId)
    {
        Validate(r, s, recoveryId);
        BcR = r;
        BcS = s;
        _r = Secp256k1.ToBytes32(r);
        _s = Secp256k1.ToBytes32(s);
        RecoveryId = recoveryId;
    }

    /// <summary>Builds a signature from integer r and s (as RLP-encoded transactions carry them).</summary>
    /// <exception cref="SignatureException">r or s zero, negative or ≥ n, recovery id not 0/1.</exception>
    public static EthSignature FromComponents(System.Numerics.BigInteger r, System.Numerics.BigInteger s, int recoveryId)
    {
        if (r.Sign < 0 || s.Sign < 0) throw new SignatureException("r and s must not be negative");
        return new EthSignature(ToBc(r), ToBc(s), recoveryId);
    }

    /// <summary>Parses r ‖ s ‖ v (65 bytes); v may be 0/1 or 27/28.</summary>
    /// <exception cref="SignatureException">wrong length, v not 0/1/27/28, r or s out of range.</exception>
    public static EthSignature FromBytes65(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 65) throw new SignatureException($"a signature is 65 bytes (r ‖ s ‖ v), got {signature.Length}");
        var v = signature[64];
        var recoveryId = v switch
        {
            0 or 1 => v,
            27 or 28 => v - 27,
            _ => throw new SignatureException($"v must be 0, 1, 27 or 28, got {v}"),
        };
        return new EthSignature(signature[..32], signature[32..64], recoveryId);
    }

    /// <summary>Parses a 0x-prefixed (or bare) 130-hex-digit r ‖ s ‖ v.</summary>
    public static EthSignature Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        Span<byte> raw = stackalloc byte[65];
        if (!Hex.TryDecode(hex, raw)) throw new SignatureException($"not a 65-byte hex signature: '{Hex.Truncate(hex)}'");
        return FromBytes65(raw);
    }

    /// <summary>r, 32 bytes big-endian.</summary>
    public ReadOnlySpan<byte> R => _r;

    /// <summary>s, 32 bytes big-endian.</summary>
    public ReadOnlySpan<byte> S => _s;

    public System.Numerics.BigInteger RValue => new(_r, isUnsigned: true, isBigEndian: true);

    public System.Numerics.BigInteger SValue => new(_s, isUnsigned: true, isBigEndian: true);

    /// <summary>0 or 1 (the "yParity" of typed transactions).</summary>
    public int RecoveryId { get; }

    /// <summary>27 or 28, as personal_sign and eth_signTypedData write it.</summary>
    public byte V => (byte)(27 + RecoveryId);

    /// <summary>True when s ≤ n/2, the only form Ethereum accepts in transactions since Homestead (EIP-2).</summary>
    public bool IsLowS => BcS.CompareTo(Secp256k1.HalfN) <= 0;

    internal BcBigInteger BcR { get; }

    internal BcBigInteger BcS { get; }

    /// <summary>The equivalent low-s signature (s' = n − s, recovery id flipped); this one if already low.</summary>
    public EthSignature ToLowS() => IsLowS ? this : new EthSignature(BcR, Secp256k1.N.Subtract(BcS), RecoveryId ^ 1);

    /// <summary>r ‖ s ‖ v with v = 27/28.</summary>
    public byte[] ToBytes65()
    {
        var b = new byte[65];
        _r.CopyTo(b, 0);
        _s.CopyTo(b, 32);
        b[64] = V;
        return b;
    }

    /// <summary>0x-prefixed hex of <see cref="ToBytes65"/>.</summary>
    public string ToHex() => Hex.Encode(ToBytes65());

    public override string ToString() => ToHex();

    public bool Equals(EthSignature? other) =>
        other is not null && RecoveryId == other.RecoveryId && _r.AsSpan().SequenceEqual(other._r) && _s.AsSpan().SequenceEqual(other._s);

    public override bool Equals(object? obj) => Equals(obj as EthSignature);

    public override int GetHashCode() => HashCode.Combine(BitConverter.ToInt64(_r, 24), BitConverter.ToInt64(_s, 24), RecoveryId);

    private static void Validate(BcBigInteger r, BcBigInteger s, int recoveryId)
    {
        if (r.SignValue <= 0) throw new SignatureException("r must not be zero");
        if (s.SignValue <= 0) throw new SignatureException("s must not be zero");
        if (r.CompareTo(Secp256k1.N) >= 0) throw new SignatureException("r must be below the curve order n");
        if (s.CompareTo(Secp256k1.N) >= 0) throw new SignatureException("s must be below the curve order n");
        if (recoveryId is not (0 or 1)) throw new SignatureException($"recovery id must be 0 or 1, got {recoveryId}");
    }

    private static BcBigInteger ToBc(System.Numerics.BigInteger value) =>
        new(1, value.ToByteArray(isUnsigned: true, isBigEndian: true));
}
