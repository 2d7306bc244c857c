using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rlp;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Ethereum.Transactions;

/// <summary>
/// An EIP-2930 (type 1) transaction: 0x01 ‖ rlp([chainId, nonce, gasPrice, gasLimit, to, value, data,
/// accessList, yParity, r, s]); the signer signs keccak(0x01 ‖ rlp(first eight)).
/// </summary>
public sealed class Eip2930Transaction : Transaction
{
    public override TransactionType Type => TransactionType.AccessList;

    public required ulong ChainId { get; init; }

    /// <summary>Wei per gas (uint256).</summary>
    public BigInteger GasPrice { get; init; }

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
        ArgumentNullException.ThrowIfNull(AccessList);
        return
        [
            RlpEncoder.EncodeInteger(ChainId),
            RlpEncoder.EncodeInteger(Nonce),
            Uint256(GasPrice, "gasPrice"),
            RlpEncoder.EncodeInteger(GasLimit),
            EncodedTo(),
            Uint256(Value, "value"),
            RlpEncoder.EncodeBytes(Data.Span),
            AccessList.Encode(),
        ];
    }
}
