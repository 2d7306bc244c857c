using System.Numerics;
using System.Text.Json;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>Reads the answer of eth_feeHistory.</summary>
internal static class FeeHistoryParser
{
    public static FeeHistory Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new FormatException($"expected a fee history object, got {RpcJson.Describe(ref reader)}");
        long? oldest = null;
        List<BigInteger>? baseFees = null;
        List<double>? ratios = null;
        List<IReadOnlyList<BigInteger>> rewards = [];
        var field = "";
        try
        {
            while (RpcJson.Next(ref reader) == JsonTokenType.PropertyName)
            {
                field = reader.GetString()!;
                RpcJson.Next(ref reader);
                switch (field)
                {
                    case "oldestBlock": oldest = RpcJson.ReadLong(ref reader); break;
                    case "baseFeePerGas": baseFees = ReadQuantities(ref reader); break;
                    case "gasUsedRatio": ratios = ReadRatios(ref reader); break;
                    case "reward":
                        Expect(ref reader, JsonTokenType.StartArray, "an array of arrays");
                        while (RpcJson.Next(ref reader) != JsonTokenType.EndArray) rewards.Add(ReadQuantities(ref reader));
                        break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (FormatException e)
        {
            throw new FormatException($"feeHistory.{field}: {e.Message}", e);
        }
        return new FeeHistory
        {
            OldestBlock = oldest ?? throw BlockParser.MissingField("oldestBlock"),
            BaseFeePerGas = baseFees ?? throw BlockParser.MissingField("baseFeePerGas"),
            GasUsedRatio = ratios ?? throw BlockParser.MissingField("gasUsedRatio"),
            Reward = rewards,
        };
    }

    private static List<BigInteger> ReadQuantities(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, "an array of quantities");
        var list = new List<BigInteger>();
        while (RpcJson.Next(ref reader) != JsonTokenType.EndArray) list.Add(RpcJson.ReadBigInteger(ref reader));
        return list;
    }

    private static List<double> ReadRatios(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, "an array of numbers");
        var list = new List<double>();
        while (RpcJson.Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number) throw new FormatException($"expected a number, got {RpcJson.Describe(ref reader)}");
            list.Add(reader.GetDouble());
        }
        return list;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (reader.TokenType != token) throw new FormatException($"expected {what}, got {RpcJson.Describe(ref reader)}");
    }
}
