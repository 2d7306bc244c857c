using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rlp;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Ethereum.Transactions;

/// <summary>
/// An EIP-1559 (type 2) transaction: 0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
/// gasLimit, to, value, data, accessList, yParity, r, s]); the signer signs keccak(0x02 ‖ rlp(first nine)).
/// </summary>
public sealed class Eip1559Transaction : Transaction
{
    public override TransactionType Type => TransactionType.Eip1559;

    public required ulong ChainId { get; init; }

    /// <summary>Tip per gas to the block producer, in wei (uint256).</summary>
    public BigInteger MaxPriorityFeePerGas { get; init; }

    /// <summary>Cap on base fee + tip per gas, in wei (uint256).</summary>
    public BigInteger MaxFeePerGas { get; init; }

    public AccessList AccessList { get; init; } = AccessList.Empty;

    public override Hash32 SigningHash() => Hash32.Of(Typed(Type, RlpEncoder.EncodeList(Fields())));

    internal override byte[] EncodeSigned(EthSignature signature, out BigInteger v)
    {
        v = signature.RecoveryId;
        var fields = Fields();
        fields.Add(RlpEncoder.EncodeInteger((ulong)signature.RecoveryId));
        fields.Add(RlpEncoder.EncodeInteger(signature.RValue));
        fields.Add(RlpEncoder.EncodeInteger(signature.SValue));
        return Typed(Type, RlpEncoder.EncodeList(fields));
    }

    private List<byte[]> Fields()
    {
        if (MaxPriorityFeePerGas > MaxFeePerGas)
            throw new TransactionException($"maxPriorityFeePerGas ({MaxPriorityFeePerGas}) exceeds maxFeePerGas ({MaxFeePerGas})");
        ArgumentNullException.ThrowIfNull(AccessList);
        return
        [
            RlpEncoder.EncodeInteger(ChainId),
            RlpEncoder.EncodeInteger(Nonce),
            Uint256(MaxPriorityFeePerGas, "maxPriorityFeePerGas"),
            Uint256(MaxFeePerGas, "maxFeePerGas"),
            RlpEncoder.EncodeInteger(GasLimit),
            EncodedTo(),
            Uint256(Value, "value"),
            RlpEncoder.EncodeBytes(Data.Span),
            AccessList.Encode(),
        ];
    }
}
