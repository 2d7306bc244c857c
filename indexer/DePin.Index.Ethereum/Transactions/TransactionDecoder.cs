using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rlp;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Ethereum.Transactions;

/// <summary>
/// Parses signed transactions from their wire bytes (legacy, EIP-2930 type 1, EIP-1559 type 2) and recovers
/// the sender. Strict: canonical RLP only, exact field counts, integers without leading zeros, yParity 0/1,
/// legacy v 27/28 or ≥ 35, and (unless allowed) low s as required since Homestead.
/// </summary>
public static class TransactionDecoder
{
    /// <summary>Decodes 0x-prefixed hex of a raw transaction.</summary>
    public static SignedTransaction Decode(string rawHex, bool allowHighS = false)
    {
        ArgumentNullException.ThrowIfNull(rawHex);
        byte[] raw;
        try
        {
            raw = Hex.Decode(rawHex);
        }
        catch (FormatException ex)
        {
            throw new TransactionException("raw transaction is not hexadecimal", ex);
        }
        return Decode(raw, allowHighS);
    }

    /// <summary>Decodes a raw signed transaction and recovers its sender.</summary>
    /// <exception cref="TransactionException">the bytes are not a valid signed transaction; the message says why.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw, bool allowHighS = false)
    {
        if (raw.IsEmpty) throw new TransactionException("raw transaction is empty");
        var bytes = raw.ToArray();
        var first = bytes[0];
        try
        {
            return first switch
            {
                >= 0xc0 => DecodeLegacy(bytes, allowHighS),
                0x01 => DecodeTyped(bytes, TransactionType.AccessList, allowHighS),
                0x02 => DecodeTyped(bytes, TransactionType.Eip1559, allowHighS),
                0x03 or 0x04 => throw new TransactionException($"transaction type 0x{first:x2} is not supported (only legacy, 0x01 and 0x02)"),
                <= 0x7f => throw new TransactionException($"unknown transaction type 0x{first:x2}"),
                _ => throw new TransactionException($"raw transaction starts with 0x{first:x2}: neither an RLP list (legacy) nor a type byte"),
            };
        }
        catch (RlpException ex)
        {
            throw new TransactionException($"malformed transaction: {ex.Message}", ex);
        }
    }

    private static SignedTransaction DecodeLegacy(byte[] raw, bool allowHighS)
    {
        var f = RlpDecoder.Decode(raw).ItemsOfCount(9, "a legacy transaction");
        var v = f[6].ToBigInteger();
        ulong? chainId;
        int recoveryId;
        if (v == 27 || v == 28)
        {
            chainId = null;
            recoveryId = (int)(v - 27);
        }
        else if (v >= 35)
        {
            var id = (v - 35) / 2;
            if (id > ulong.MaxValue) throw new TransactionException($"legacy v {v} implies a chain id above 2^64");
            chainId = (ulong)id;
            recoveryId = (int)((v - 35) % 2);
        }
        else
        {
            throw new TransactionException($"legacy v must be 27, 28 or at least 35 (EIP-155), got {v}");
        }

        var tx = new LegacyTransaction
        {
            Nonce = f[0].ToUInt64(),
            GasPrice = f[1].ToBigInteger(),
            GasLimit = f[2].ToUInt64(),
            To = f[3].ToOptionalAddress(),
            Value = f[4].ToBigInteger(),
            Data = f[5].Bytes.ToArray(),
            ChainId = chainId,
        };
        return Finish(tx, raw, v, Signature(f[7], f[8], recoveryId, allowHighS));
    }

    private static SignedTransaction DecodeTyped(byte[] raw, TransactionType type, bool allowHighS)
    {
        var body = RlpDecoder.Decode(raw.AsMemory(1));
        if (!body.IsList) throw new TransactionException($"a type 0x{(byte)type:x2} transaction must be an RLP list after the type byte");
        Transaction tx;
        IReadOnlyList<RlpItem> f;
        if (type == TransactionType.Eip1559)
        {
            f = body.ItemsOfCount(12, "an EIP-1559 transaction");
            tx = new Eip1559Transaction
            {
                ChainId = f[0].ToUInt64(),
                Nonce = f[1].ToUInt64(),
                MaxPriorityFeePerGas = f[2].ToBigInteger(),
                MaxFeePerGas = f[3].ToBigInteger(),
                GasLimit = f[4].ToUInt64(),
                To = f[5].ToOptionalAddress(),
                Value = f[6].ToBigInteger(),
                Data = f[7].Bytes.ToArray(),
                AccessList = AccessList.Decode(f[8]),
            };
        }
        else
        {
            f = body.ItemsOfCount(11, "an EIP-2930 transaction");
            tx = new Eip2930Transaction
            {
                ChainId = f[0].ToUInt64(),
                Nonce = f[1].ToUInt64(),
                GasPrice = f[2].ToBigInteger(),
                GasLimit = f[3].ToUInt64(),
                To = f[4].ToOptionalAddress(),
                Value = f[5].ToBigInteger(),
                Data = f[6].Bytes.ToArray(),
                AccessList = AccessList.Decode(f[7]),
            };
        }
        var n = f.Count;
        var yParity = f[n - 3].ToBigInteger();
        if (yParity > 1) throw new TransactionException($"yParity must be 0 or 1, got {yParity}");
        return Finish(tx, raw, yParity, Signature(f[n - 2], f[n - 1], (int)yParity, allowHighS));
    }

    private static EthSignature Signature(RlpItem r, RlpItem s, int recoveryId, bool allowHighS)
    {
        EthSignature signature;
        try
        {
            signature = EthSignature.FromComponents(r.ToBigInteger(), s.ToBigInteger(), recoveryId);
        }
        catch (SignatureException ex)
        {
            throw new TransactionException($"invalid transaction signature: {ex.Message}", ex);
        }
        if (!allowHighS && !signature.IsLowS)
            throw new TransactionException("signature s is above n/2, which Ethereum rejects since Homestead (EIP-2)");
        return signature;
    }

    private static SignedTransaction Finish(Transaction tx, byte[] raw, BigInteger v, EthSignature signature)
    {
        Address sender;
        try
        {
            sender = EcRecover.Recover(tx.SigningHash(), signature);
        }
        catch (SignatureException ex)
        {
            throw new TransactionException($"cannot recover the sender: {ex.Message}", ex);
        }
        return new SignedTransaction(tx, signature, v, raw, sender);
    }
}
