using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Ethereum.Transactions;

/// <summary>A signed transaction: its fields, signature, wire bytes (for eth_sendRawTransaction), hash and sender.</summary>
public sealed class SignedTransaction
{
    private readonly byte[] _raw;

    internal SignedTransaction(Transaction transaction, EthSignature signature, BigInteger v, byte[] raw, Address sender)
    {
        Transaction = transaction;
        Signature = signature;
        V = v;
        _raw = raw;
        Hash = Hash32.Of(raw);
        Sender = sender;
    }

    public Transaction Transaction { get; }

    public TransactionType Type => Transaction.Type;

    /// <summary>r, s and the recovery id (yParity).</summary>
    public EthSignature Signature { get; }

    /// <summary>v as written on the wire: yParity for typed transactions, 27/28 or recId + 2·chainId + 35 for legacy ones.</summary>
    public BigInteger V { get; }

    /// <summary>The signed encoding: the RLP list for legacy, type byte ‖ RLP for typed transactions.</summary>
    public ReadOnlyMemory<byte> Raw => _raw;

    /// <summary>0x-prefixed hex of <see cref="Raw"/>.</summary>
    public string RawHex => Hex.Encode(_raw);

    /// <summary>The transaction hash: keccak(raw).</summary>
    public Hash32 Hash { get; }

    /// <summary>The address that signed it.</summary>
    public Address Sender { get; }

    public override string ToString() => $"{Type} tx {Hash} from {Sender}";
}
