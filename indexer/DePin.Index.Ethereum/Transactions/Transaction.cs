using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rlp;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Ethereum.Transactions;

/// <summary>
/// The fields every transaction kind shares, and signing. Subclasses define the signing payload and the
/// signed envelope. Immutable once built (init-only properties).
/// </summary>
public abstract class Transaction
{
    internal static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    private protected Transaction()
    {
    }

    public abstract TransactionType Type { get; }

    public ulong Nonce { get; init; }

    public ulong GasLimit { get; init; }

    /// <summary>The recipient; null for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>Wei transferred (uint256).</summary>
    public BigInteger Value { get; init; }

    /// <summary>Call data or init code.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The digest the sender signs.</summary>
    /// <exception cref="TransactionException">a field is out of range.</exception>
    public abstract Hash32 SigningHash();

    /// <summary>Signs with the key: raw bytes, hash and sender are in the result.</summary>
    /// <exception cref="TransactionException">a field is out of range.</exception>
    public SignedTransaction Sign(EthKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.Sign(SigningHash());
        var raw = EncodeSigned(signature, out var v);
        return new SignedTransaction(this, signature, v, raw, key.Address);
    }

    /// <summary>The signed wire form (typed envelope for typed kinds) and the v value it carries.</summary>
    internal abstract byte[] EncodeSigned(EthSignature signature, out BigInteger v);

    private protected static byte[] Uint256(BigInteger value, string field)
    {
        if (value.Sign < 0) throw new TransactionException($"{field} must not be negative, got {value}");
        if (value > MaxUint256) throw new TransactionException($"{field} does not fit in 256 bits");
        return RlpEncoder.EncodeInteger(value);
    }

    private protected byte[] EncodedTo() => To is { } to ? RlpEncoder.EncodeBytes(to.ToArray()) : RlpEncoder.EncodeBytes([]);

    private protected static byte[] Typed(TransactionType type, byte[] rlp)
    {
        var output = new byte[rlp.Length + 1];
        output[0] = (byte)type;
        rlp.CopyTo(output, 1);
        return output;
    }
}
