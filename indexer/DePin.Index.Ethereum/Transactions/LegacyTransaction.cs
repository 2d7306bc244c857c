using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rlp;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Ethereum.Transactions;

/// <summary>
/// An untyped transaction: rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s]). With a
/// <see cref="ChainId"/> it is EIP-155 replay-protected (signs rlp([…, chainId, 0, 0]), v = recId + 2·chainId + 35);
/// without one it is a pre-EIP-155 transaction (signs the six fields, v = 27 + recId).
/// </summary>
public sealed class LegacyTransaction : Transaction
{
    public override TransactionType Type => TransactionType.Legacy;

    /// <summary>Wei per gas (uint256).</summary>
    public BigInteger GasPrice { get; init; }

    /// <summary>The EIP-155 chain id, or null for an unprotected transaction.</summary>
    public ulong? ChainId { get; init; }

    public override Hash32 SigningHash()
    {
        var fields = new List<byte[]>(9);
        AddFields(fields);
        if (ChainId is { } chainId)
        {
            fields.Add(RlpEncoder.EncodeInteger(chainId));
            fields.Add(RlpEncoder.EncodeInteger(0UL));
            fields.Add(RlpEncoder.EncodeInteger(0UL));
        }
        return Hash32.Of(RlpEncoder.EncodeList(fields));
    }

    internal override byte[] EncodeSigned(EthSignature signature, out BigInteger v)
    {
        v = ChainId is { } chainId
            ? signature.RecoveryId + 2 * new BigInteger(chainId) + 35
            : 27 + signature.RecoveryId;
        var fields = new List<byte[]>(9);
        AddFields(fields);
        fields.Add(RlpEncoder.EncodeInteger(v));
        fields.Add(RlpEncoder.EncodeInteger(signature.RValue));
        fields.Add(RlpEncoder.EncodeInteger(signature.SValue));
        return RlpEncoder.EncodeList(fields);
    }

    private void AddFields(List<byte[]> fields)
    {
        fields.Add(RlpEncoder.EncodeInteger(Nonce));
        fields.Add(Uint256(GasPrice, "gasPrice"));
        fields.Add(RlpEncoder.EncodeInteger(GasLimit));
        fields.Add(EncodedTo());
        fields.Add(Uint256(Value, "value"));
        fields.Add(RlpEncoder.EncodeBytes(Data.Span));
    }
}
