using DePin.Index.Ethereum.Rpc;
using static DePin.Index.Chain.Tests.Stream.StreamTestKit;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>
/// The stream over the real JSON-RPC client and HTTP, through a proxy that answers 503, cuts bodies short, sends
/// HTML instead of JSON and drops blocks. The client does not retry (MaxRetries = 0), so every recovery is the
/// stream's own backoff: all logs still arrive exactly once, in order.
/// </summary>
public sealed class HttpFaultTests
{
    [Theory]
    [InlineData(0)]   // backfill ranges
    [InlineData(250)] // block by block near the head
    public async Task Spoilt_http_answers_are_retried_and_nothing_is_skipped(int reorgThreshold)
    {
        await using var chain = await TestChain.StartAsync();
        var emitter = await chain.EmitterAsync(1);
        var expected = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            await chain.EmitAsync(emitter, TestChain.Ping, 3, i * 10);
            expected.AddRange([i * 10, (i * 10) + 1, (i * 10) + 2]);
        }
        var head = await chain.HeadAsync();

        await using var proxy = new FaultyRpcProxy(chain.RpcUrl, faultRate: 0.3, seed: 11);
        using var client = new JsonRpcClient(new JsonRpcClientOptions { Url = proxy.Url, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(10) });
        var options = Options(reorgThreshold);
        options.InitialBlockRange = 4;
        options.HeadBatchBlocks = 5;
        options.MaxAttempts = 100;
        await using var stream = NewStream(chain, Sources(PingSource("Emitter", emitter)), options: options, reader: new EthRpcChainReader(new EthRpc(client)));
        var events = await ReadUntilAsync(stream, head);

        Assert.Equal(expected, LogIds(events));
        var numbers = events.OfType<ProcessBlocks>().SelectMany(p => p.Blocks).Select(b => b.Number).ToList();
        Assert.Equal(numbers.Distinct().Order(), numbers);
        Assert.Equal(0, stream.Diagnostics.Reverts);
        Assert.True(proxy.Injected.Values.Sum() >= 3, $"faults injected: {string.Join(", ", proxy.Injected)}");
        Assert.True(stream.Diagnostics.Retries > 0);
    }
}
