using System.Text.Json;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>Reads a log object straight into a <see cref="Log"/> (hex decoded from the UTF-8 bytes, no strings).</summary>
internal static class LogParser
{
    public static readonly RpcResultParser<Log> Parser = Read;

    public static Log Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new FormatException($"expected a log object, got {RpcJson.Describe(ref reader)}");
        Address address = default;
        Hash32[]? topics = null;
        byte[]? data = null;
        long blockNumber = 0;
        Hash32 blockHash = default, txHash = default;
        int txIndex = 0, logIndex = 0;
        bool removed = false;
        long? timestamp = null;
        var seen = 0;
        var field = "";
        try
        {
            while (RpcJson.Next(ref reader) == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                RpcJson.Next(ref reader);
                switch (name.Length)
                {
                    case 7 when name.SequenceEqual("address"u8):
                        field = "address"; address = RpcJson.ReadAddress(ref reader); seen |= 1; break;
                    case 6 when name.SequenceEqual("topics"u8):
                        field = "topics"; topics = ReadTopics(ref reader); seen |= 2; break;
                    case 4 when name.SequenceEqual("data"u8):
                        field = "data"; data = RpcJson.ReadData(ref reader); seen |= 4; break;
                    case 11 when name.SequenceEqual("blockNumber"u8):
                        field = "blockNumber"; blockNumber = RpcJson.ReadLong(ref reader); seen |= 8; break;
                    case 9 when name.SequenceEqual("blockHash"u8):
                        field = "blockHash"; blockHash = RpcJson.ReadHash(ref reader); seen |= 16; break;
                    case 15 when name.SequenceEqual("transactionHash"u8):
                        field = "transactionHash"; txHash = RpcJson.ReadHash(ref reader); seen |= 32; break;
                    case 16 when name.SequenceEqual("transactionIndex"u8):
                        field = "transactionIndex"; txIndex = ReadInt(ref reader); seen |= 64; break;
                    case 8 when name.SequenceEqual("logIndex"u8):
                        field = "logIndex"; logIndex = ReadInt(ref reader); seen |= 128; break;
                    case 7 when name.SequenceEqual("removed"u8):
                        field = "removed"; removed = RpcJson.ReadBool(ref reader); break;
                    case 14 when name.SequenceEqual("blockTimestamp"u8):
                        field = "blockTimestamp"; timestamp = ReadTimestamp(ref reader); break;
                    default:
                        reader.Skip(); break;
                }
            }
        }
        catch (FormatException e)
        {
            throw new FormatException($"{field}: {e.Message}", e);
        }
        if (seen != 255) throw new FormatException($"the log has no \"{Missing(seen)}\"");
        return new Log(address, topics!, data!, blockNumber, blockHash, txHash, txIndex, logIndex, removed) { BlockTimestamp = timestamp };
    }

    internal static int ReadInt(ref Utf8JsonReader reader)
    {
        var value = RpcJson.ReadLong(ref reader);
        return value <= int.MaxValue ? (int)value : throw new FormatException($"{value} is too large for an index");
    }

    /// <summary>Hex quantity; a plain JSON number is tolerated (anvil writes receipts' blockTimestamp that way).</summary>
    internal static long? ReadTimestamp(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt64(out var n) && n >= 0 => n,
        _ => RpcJson.ReadLong(ref reader),
    };

    private static Hash32[] ReadTopics(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new FormatException($"expected an array of topics, got {RpcJson.Describe(ref reader)}");
        Span<Hash32> buffer = stackalloc Hash32[4];
        var count = 0;
        while (RpcJson.Next(ref reader) != JsonTokenType.EndArray)
        {
            if (count == 4) throw new FormatException("a log has at most 4 topics");
            buffer[count++] = RpcJson.ReadHash(ref reader);
        }
        return count == 0 ? [] : buffer[..count].ToArray();
    }

    private static string Missing(int seen)
    {
        string[] names = ["address", "topics", "data", "blockNumber", "blockHash", "transactionHash", "transactionIndex", "logIndex"];
        for (var i = 0; i < names.Length; i++)
        {
            if ((seen & (1 << i)) == 0) return names[i];
        }
        return "";
    }
}
