using System.Numerics;
using System.Text;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>Reads transaction and receipt objects.</summary>
internal static class TransactionParser
{
    public static readonly RpcResultParser<RpcTransaction?> Parser = static (ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.Null ? null : Read(ref r);

    public static readonly RpcResultParser<TransactionReceipt?> ReceiptParser = static (ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.Null ? null : ReadReceipt(ref r);

    public static RpcTransaction Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new FormatException($"expected a transaction object or null, got {RpcJson.Describe(ref reader)}");
        Hash32? hash = null, blockHash = null;
        long? nonce = null, blockNumber = null, gas = null, chainId = null;
        int? index = null;
        var type = 0;
        Address? from = null, to = null;
        BigInteger? value = null, gasPrice = null, maxFee = null, tip = null;
        byte[]? input = null;
        var field = "";
        try
        {
            while (RpcJson.Next(ref reader) == JsonTokenType.PropertyName)
            {
                field = Encoding.UTF8.GetString(reader.ValueSpan);
                RpcJson.Next(ref reader);
                switch (field)
                {
                    case "hash": hash = RpcJson.ReadHash(ref reader); break;
                    case "nonce": nonce = RpcJson.ReadLong(ref reader); break;
                    case "blockHash": blockHash = RpcJson.ReadHashOrNull(ref reader); break;
                    case "blockNumber": blockNumber = RpcJson.ReadLongOrNull(ref reader); break;
                    case "transactionIndex": index = reader.TokenType == JsonTokenType.Null ? null : LogParser.ReadInt(ref reader); break;
                    case "from": from = RpcJson.ReadAddress(ref reader); break;
                    case "to": to = RpcJson.ReadAddressOrNull(ref reader); break;
                    case "value": value = RpcJson.ReadBigInteger(ref reader); break;
                    case "gas": gas = RpcJson.ReadLong(ref reader); break;
                    case "gasPrice": gasPrice = RpcJson.ReadBigIntegerOrNull(ref reader); break;
                    case "maxFeePerGas": maxFee = RpcJson.ReadBigIntegerOrNull(ref reader); break;
                    case "maxPriorityFeePerGas": tip = RpcJson.ReadBigIntegerOrNull(ref reader); break;
                    case "input": input = RpcJson.ReadData(ref reader); break;
                    case "type": type = LogParser.ReadInt(ref reader); break;
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
            Hash = hash ?? throw BlockParser.MissingField("hash"),
            Nonce = nonce ?? throw BlockParser.MissingField("nonce"),
            BlockHash = blockHash,
            BlockNumber = blockNumber,
            TransactionIndex = index,
            From = from ?? throw BlockParser.MissingField("from"),
            To = to,
            Value = value ?? throw BlockParser.MissingField("value"),
            Gas = gas ?? throw BlockParser.MissingField("gas"),
            GasPrice = gasPrice,
            MaxFeePerGas = maxFee,
            MaxPriorityFeePerGas = tip,
            Input = input ?? throw BlockParser.MissingField("input"),
            Type = type,
            ChainId = chainId,
        };
    }

    public static TransactionReceipt ReadReceipt(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new FormatException($"expected a receipt object or null, got {RpcJson.Describe(ref reader)}");
        Hash32? hash = null, blockHash = null;
        long? blockNumber = null, cumulative = null, gasUsed = null, status = null;
        int? index = null;
        var type = 0;
        Address? from = null, to = null, contract = null;
        BigInteger? price = null;
        List<Log>? logs = null;
        var field = "";
        try
        {
            while (RpcJson.Next(ref reader) == JsonTokenType.PropertyName)
            {
                field = Encoding.UTF8.GetString(reader.ValueSpan);
                RpcJson.Next(ref reader);
                switch (field)
                {
                    case "transactionHash": hash = RpcJson.ReadHash(ref reader); break;
                    case "transactionIndex": index = LogParser.ReadInt(ref reader); break;
                    case "blockHash": blockHash = RpcJson.ReadHash(ref reader); break;
                    case "blockNumber": blockNumber = RpcJson.ReadLong(ref reader); break;
                    case "from": from = RpcJson.ReadAddress(ref reader); break;
                    case "to": to = RpcJson.ReadAddressOrNull(ref reader); break;
                    case "contractAddress": contract = RpcJson.ReadAddressOrNull(ref reader); break;
                    case "cumulativeGasUsed": cumulative = RpcJson.ReadLong(ref reader); break;
                    case "gasUsed": gasUsed = RpcJson.ReadLong(ref reader); break;
                    case "effectiveGasPrice": price = RpcJson.ReadBigInteger(ref reader); break;
                    case "status": status = RpcJson.ReadLongOrNull(ref reader); break;
                    case "type": type = LogParser.ReadInt(ref reader); break;
                    case "logs": logs = ReadLogs(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (FormatException e)
        {
            throw new FormatException($"receipt.{field}: {e.Message}", e);
        }
        if (status is not (null or 0 or 1)) throw new FormatException($"receipt.status: expected 0x0 or 0x1, got {status}");
        return new TransactionReceipt
        {
            TransactionHash = hash ?? throw BlockParser.MissingField("transactionHash"),
            TransactionIndex = index ?? throw BlockParser.MissingField("transactionIndex"),
            BlockHash = blockHash ?? throw BlockParser.MissingField("blockHash"),
            BlockNumber = blockNumber ?? throw BlockParser.MissingField("blockNumber"),
            From = from ?? throw BlockParser.MissingField("from"),
            To = to,
            ContractAddress = contract,
            CumulativeGasUsed = cumulative ?? throw BlockParser.MissingField("cumulativeGasUsed"),
            GasUsed = gasUsed ?? throw BlockParser.MissingField("gasUsed"),
            EffectiveGasPrice = price ?? throw BlockParser.MissingField("effectiveGasPrice"),
            Status = status is null ? null : status == 1,
            Type = type,
            Logs = logs ?? throw BlockParser.MissingField("logs"),
        };
    }

    private static List<Log> ReadLogs(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new FormatException($"expected an array of logs, got {RpcJson.Describe(ref reader)}");
        var list = new List<Log>();
        while (RpcJson.Next(ref reader) != JsonTokenType.EndArray)
        {
            try
            {
                list.Add(LogParser.Read(ref reader));
            }
            catch (FormatException e)
            {
                throw new FormatException($"[{list.Count}].{e.Message}", e);
            }
        }
        return list;
    }
}
