using System.Numerics;
using System.Text;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>Reads a block object (with transaction hashes or full transactions, of which only the hash is kept).</summary>
internal static class BlockParser
{
    public static readonly RpcResultParser<Block?> Parser = ReadOrNull;

    public static Block? ReadOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Read(ref reader);

    public static Block Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new FormatException($"expected a block object or null, got {RpcJson.Describe(ref reader)}");
        long? number = null, timestamp = null, gasLimit = null, gasUsed = null, size = null;
        Hash32? hash = null, parent = null, stateRoot = null, txRoot = null, receiptsRoot = null;
        Address? miner = null;
        BigInteger? baseFee = null, difficulty = null, totalDifficulty = null;
        List<Hash32>? txs = null;
        var field = "";
        try
        {
            while (RpcJson.Next(ref reader) == JsonTokenType.PropertyName)
            {
                field = Encoding.UTF8.GetString(reader.ValueSpan);
                RpcJson.Next(ref reader);
                switch (field)
                {
                    case "number": number = RpcJson.ReadLong(ref reader); break;
                    case "hash": hash = RpcJson.ReadHash(ref reader); break;
                    case "parentHash": parent = RpcJson.ReadHash(ref reader); break;
                    case "timestamp": timestamp = RpcJson.ReadLong(ref reader); break;
                    case "gasLimit": gasLimit = RpcJson.ReadLong(ref reader); break;
                    case "gasUsed": gasUsed = RpcJson.ReadLong(ref reader); break;
                    case "baseFeePerGas": baseFee = RpcJson.ReadBigIntegerOrNull(ref reader); break;
                    case "miner": miner = RpcJson.ReadAddress(ref reader); break;
                    case "stateRoot": stateRoot = RpcJson.ReadHash(ref reader); break;
                    case "transactionsRoot": txRoot = RpcJson.ReadHash(ref reader); break;
                    case "receiptsRoot": receiptsRoot = RpcJson.ReadHash(ref reader); break;
                    case "difficulty": difficulty = RpcJson.ReadBigInteger(ref reader); break;
                    case "totalDifficulty": totalDifficulty = RpcJson.ReadBigIntegerOrNull(ref reader); break;
                    case "size": size = RpcJson.ReadLong(ref reader); break;
                    case "transactions": txs = ReadTransactionHashes(ref reader); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (FormatException e)
        {
            throw new FormatException($"block.{field}: {e.Message}", e);
        }
        return new Block
        {
            Number = number ?? throw MissingField("number", "a pending block?"),
            Hash = hash ?? throw MissingField("hash", "a pending block?"),
            ParentHash = parent ?? throw MissingField("parentHash"),
            Timestamp = timestamp ?? throw MissingField("timestamp"),
            GasLimit = gasLimit ?? throw MissingField("gasLimit"),
            GasUsed = gasUsed ?? throw MissingField("gasUsed"),
            BaseFeePerGas = baseFee,
            Miner = miner ?? throw MissingField("miner"),
            StateRoot = stateRoot ?? throw MissingField("stateRoot"),
            TransactionsRoot = txRoot ?? throw MissingField("transactionsRoot"),
            ReceiptsRoot = receiptsRoot ?? throw MissingField("receiptsRoot"),
            Difficulty = difficulty ?? BigInteger.Zero,
            TotalDifficulty = totalDifficulty,
            Size = size ?? throw MissingField("size"),
            TransactionHashes = txs ?? throw MissingField("transactions"),
        };
    }

    private static List<Hash32> ReadTransactionHashes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new FormatException($"expected an array, got {RpcJson.Describe(ref reader)}");
        var list = new List<Hash32>();
        while (RpcJson.Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                list.Add(TransactionParser.Read(ref reader).Hash);
                continue;
            }
            list.Add(RpcJson.ReadHash(ref reader));
        }
        return list;
    }

    internal static FormatException MissingField(string name, string? hint = null) =>
        new($"the object has no \"{name}\"{(hint is null ? "" : $" ({hint})")}");
}
