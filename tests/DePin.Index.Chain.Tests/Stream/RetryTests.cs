using DePin.Index.Ethereum.Rpc;
using static DePin.Index.Chain.Tests.Stream.StreamTestKit;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>Bad RPC answers are retried with backoff from the same cursor: nothing is lost, nothing repeated.</summary>
public sealed class RetryTests
{
    public static TheoryData<string> Faults() => ["transport", "malformed", "server error", "missing block", "missing transaction"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Failures_are_retried_and_no_block_is_skipped(string fault)
    {
        await using var chain = await TestChain.StartAsync();
        var emitter = await chain.EmitterAsync(1);
        var expected = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            await chain.EmitAsync(emitter, TestChain.Ping, 4, i * 10);
            expected.AddRange(Enumerable.Range(0, 4).Select(k => (i * 10L) + k));
        }
        var head = await chain.HeadAsync();
        var real = new EthRpcChainReader(chain.Rpc);
        var reader = fault switch
        {
            "transport" => new FaultyReader(real) { FailRate = 0.25, Failure = () => new RpcTransportException("HTTP 503 Service Unavailable") },
            "malformed" => new FaultyReader(real) { FailRate = 0.25, Failure = () => new RpcProtocolException("eth_getLogs: malformed answer: expected a log object") },
            "server error" => new FaultyReader(real) { FailRate = 0.25, Failure = () => new JsonRpcException("eth_getBlockByNumber", -32000, "internal error", null) },
            "missing block" => new FaultyReader(real) { NullBlockRate = 0.3 },
            _ => new FaultyReader(real) { NullTransactionRate = 0.3 },
        };
        var options = Options(reorgThreshold: 10); // final ranges, then the last ten blocks one by one
        options.InitialBlockRange = 4;
        await using var stream = NewStream(chain, Sources(PingSource("Emitter", emitter)), options: options, reader: reader);
        var events = await ReadUntilAsync(stream, head);

        Assert.Equal(expected, LogIds(events));
        Assert.True(reader.InjectedFailures > 0);
        Assert.True(stream.Diagnostics.Retries > 0, $"faults {reader.InjectedFailures}, no retry");
        Assert.Equal(0, stream.Diagnostics.Reverts); // a lagging node is not a reorg
        Assert.NotNull(stream.Diagnostics.LastError);
        var numbers = events.OfType<ProcessBlocks>().SelectMany(p => p.Blocks).Select(b => b.Number).ToList();
        Assert.Equal(numbers.Distinct().Order(), numbers);
    }

    [Fact]
    public async Task A_request_the_node_calls_invalid_stops_the_stream_with_the_nodes_message()
    {
        await using var chain = await TestChain.StartAsync();
        var emitter = await chain.EmitterAsync(1);
        await chain.EmitAsync(emitter, TestChain.Ping, 1, 0);
        var reader = new FaultyReader(new EthRpcChainReader(chain.Rpc))
        {
            FailOnce = (2, new JsonRpcException("eth_getLogs", -32601, "the method eth_getLogs does not exist/is not available", null)),
        };
        await using var stream = NewStream(chain, Sources(PingSource("Emitter", emitter)), options: Options(reorgThreshold: 0), reader: reader);
        var e = await Assert.ThrowsAsync<BlockStreamException>(() => ReadUntilAsync(stream, long.MaxValue));
        Assert.Equal(0, e.Block);
        Assert.Contains("does not exist/is not available", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Diagnostics.Retries);
    }
}
