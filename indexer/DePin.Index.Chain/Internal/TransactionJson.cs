using System.Numerics;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Internal;

/// <summary>
/// Reads an <c>eth_getTransactionByHash</c> answer into an <see cref="RpcTransaction"/> so transactions can be
/// fetched in JSON-RPC batches (the Ethereum project's parser is internal to it and EthRpc has no batched
/// transaction call). Fields the mapping host does not use (signature, access list) are skipped.
/// </summary>
internal static class TransactionJson
{
    public static readonly RpcResultParser<RpcTransaction?> Parser = static (ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.Null ? null : Read(ref r);

    private static RpcTransaction Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new FormatException($"expected a transaction object or null, got {RpcJson.Describe(ref reader)}");
        Hash32? hash = null, blockHash = null;
        long? nonce = null, blockNumber = null, gas = null, chainId = null, index = null, type = null;
        Address? from = null, to = null;
        BigInteger? value = null, gasPrice = null, maxFee = null, tip = null;
        byte[]? input = null;
        var field = "";
        try
        {
            while (RpcJson.Next(ref reader) == JsonTokenType.PropertyName)
            {
                field = reader.GetString()!;
                RpcJson.Next(ref reader);
                switch (field)
                {
                    case "hash": hash = RpcJson.ReadHash(ref reader); break;
                    case "nonce": nonce = RpcJson.ReadLong(ref reader); break;
                    case "blockHash": blockHash = RpcJson.ReadHashOrNull(ref reader); break;
                    case "blockNumber": blockNumber = RpcJson.ReadLongOrNull(ref reader); break;
                    case "transactionIndex": index = RpcJson.ReadLongOrNull(ref reader); break;
                    case "from": from = RpcJson.ReadAddress(ref reader); break;
                    case "to": to = RpcJson.ReadAddressOrNull(ref reader); break;
                    case "value": value = RpcJson.ReadBigInteger(ref reader); break;
                    case "gas": gas = RpcJson.ReadLong(ref reader); break;
                    case "gasPrice": gasPrice = RpcJson.ReadBigIntegerOrNull(ref reader); break;
                    case "maxFeePerGas": maxFee = RpcJson.ReadBigIntegerOrNull(ref reader); break;
                    case "maxPriorityFeePerGas": tip = RpcJson.ReadBigIntegerOrNull(ref reader); break;
                    case "input": input = RpcJson.ReadData(ref reader); break;
                    case "type": type = RpcJson.ReadLongOrNull(ref reader); break;
                    case "chainId": chainId = RpcJson.ReadLongOrNull(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (FormatException e)
        {
            throw new FormatException($"transaction.{field}: {e.Message}", e);
        }
        return new RpcTransaction
        {
            Hash = hash ?? throw Missing("hash"),
            Nonce = nonce ?? throw Missing("nonce"),
            BlockHash = blockHash,
            BlockNumber = blockNumber,
            TransactionIndex = index is { } i ? checked((int)i) : null,
            From = from ?? throw Missing("from"),
            To = to,
            Value = value ?? throw Missing("value"),
            Gas = gas ?? throw Missing("gas"),
            GasPrice = gasPrice,
            MaxFeePerGas = maxFee,
            MaxPriorityFeePerGas = tip,
            Input = input ?? throw Missing("input"),
            Type = type is { } t ? checked((int)t) : 0,
            ChainId = chainId,
        };
    }

    private static FormatException Missing(string field) => new($"transaction object lacks \"{field}\"");
}
