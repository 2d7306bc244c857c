using System.Text;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>eth_getLogs answers parsed while they stream: piece boundaries, large elements, bounded memory.</summary>
public sealed class GetLogsStreamingTests
{
    /// <summary>Serves <paramref name="body"/> (wrapped as the answer) in pieces whose sizes come from a seeded generator.</summary>
    private static FaultServer Streaming(string result, int seed, int maxPiece)
    {
        return new FaultServer(async (r, s, ct) =>
        {
            var body = Encoding.UTF8.GetBytes(r.Result(result));
            var random = new Random(seed);
            await FaultServer.WriteHeadAsync(s, 200, ["Connection: close", "Content-Type: application/json"]);
            for (var i = 0; i < body.Length;)
            {
                var n = Math.Min(body.Length - i, random.Next(1, maxPiece + 1));
                await s.WriteAsync(body.AsMemory(i, n), ct);
                await s.FlushAsync(ct);
                i += n;
            }
            return false;
        });
    }

    private static void AssertSame(JsonElement expected, Log log)
    {
        Assert.Equal(Address.Parse(expected.GetProperty("address").GetString()!), log.Address);
        Assert.Equal(expected.GetProperty("topics").EnumerateArray().Select(t => Hash32.Parse(t.GetString()!)), log.Topics);
        Assert.Equal(Hex.Decode(expected.GetProperty("data").GetString()!), log.Data);
        Assert.Equal(HexQuantity.ParseLong(expected.GetProperty("blockNumber").GetString()), log.BlockNumber);
        Assert.Equal(Hash32.Parse(expected.GetProperty("blockHash").GetString()!), log.BlockHash);
        Assert.Equal(Hash32.Parse(expected.GetProperty("transactionHash").GetString()!), log.TransactionHash);
        Assert.Equal(HexQuantity.ParseLong(expected.GetProperty("logIndex").GetString()), log.LogIndex);
        Assert.Equal(HexQuantity.ParseLong(expected.GetProperty("transactionIndex").GetString()), log.TransactionIndex);
        Assert.Equal(expected.GetProperty("removed").GetBoolean(), log.Removed);
        Assert.Equal(HexQuantity.ParseLong(expected.GetProperty("blockTimestamp").GetString()), log.BlockTimestamp);
    }

    [Theory]
    [InlineData(1, 13)]
    [InlineData(2, 1500)]
    [InlineData(3, 70_000)]
    public async Task Logs_split_at_arbitrary_points_parse_exactly_like_a_whole_document(int seed, int maxPiece)
    {
        var result = LogJson.Logs(0x1234, 2000, dataBytes: 96);
        await using var server = Streaming(result, seed, maxPiece);
        using var client = FaultClients.For(server, maxResponseBytes: 50_000_000);
        var logs = await new EthRpc(client).GetLogsAsync(LogFilter.Range(0x1234, 0x1234));
        using var reference = JsonDocument.Parse(result);
        var expected = reference.RootElement.EnumerateArray().ToList();
        Assert.Equal(expected.Count, logs.Count);
        for (var i = 0; i < logs.Count; i++) AssertSame(expected[i], logs[i]);
    }

    [Fact]
    public async Task A_log_larger_than_the_read_buffer_grows_it()
    {
        var big = LogJson.Log(9, 0, dataBytes: 300_000); // 600 KB of hex in one element
        var result = $"[{LogJson.Log(9, 1)},{big},{LogJson.Log(9, 2)}]";
        await using var server = Streaming(result, 4, 8192);
        using var client = FaultClients.For(server, maxResponseBytes: 50_000_000);
        var logs = await new EthRpc(client).GetLogsAsync(LogFilter.Range(9, 9));
        Assert.Equal(3, logs.Count);
        Assert.Equal(300_000, logs[1].Data.Length);
        Assert.Equal((byte)(299_999 & 0xff), logs[1].Data[^1]);
        using var reference = JsonDocument.Parse(result);
        AssertSame(reference.RootElement[1], logs[1]);
    }

    [Fact]
    public async Task Result_before_id_and_unknown_members_are_fine()
    {
        await using var server = new FaultServer((r, s, _) => FaultServer.OkAsync(s,
            $"{{\"result\":{LogJson.Logs(5, 3)},\"extra\":{{\"nested\":[1,2,{{\"a\":null}}]}},\"id\":{r.Id},\"jsonrpc\":\"2.0\"}}"));
        using var client = FaultClients.For(server);
        var logs = await new EthRpc(client).GetLogsAsync(LogFilter.Range(5, 5));
        Assert.Equal([0, 1, 2], logs.Select(l => l.LogIndex));
    }
}
