using static DePin.Index.Chain.Tests.Stream.StreamTestKit;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>The backfill range shrinks on a node's result limit and grows again on small answers.</summary>
public sealed class AdaptiveRangeTests
{
    [Fact]
    public async Task Ranges_halve_on_too_many_results_and_double_on_small_answers()
    {
        await using var chain = await TestChain.StartAsync();
        var emitter = await chain.EmitterAsync(1);
        var expected = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            await chain.EmitAsync(emitter, TestChain.Ping, 100, i * 1000);
            expected.AddRange(Enumerable.Range(0, 100).Select(k => (i * 1000L) + k));
        }
        await chain.MineAsync(300); // a quiet stretch: the range grows back to the maximum
        await chain.EmitAsync(emitter, TestChain.Ping, 1, 999_999);
        expected.Add(999_999);
        var head = await chain.HeadAsync();

        var reader = new FaultyReader(new EthRpcChainReader(chain.Rpc)) { MaxLogs = 500 };
        var options = Options(reorgThreshold: 0);
        options.InitialBlockRange = 32;
        options.MaxBlockRange = 128;
        options.TargetLogsPerRange = 2_000;
        await using var stream = NewStream(chain, Sources(PingSource("Emitter", emitter)), options: options, reader: reader);
        var events = await ReadUntilAsync(stream, head);

        Assert.Equal(expected, LogIds(events));
        Assert.True(stream.Diagnostics.RangeShrinks >= 3, $"32 blocks × 100 logs must shrink to ≤ 5 blocks; shrinks: {stream.Diagnostics.RangeShrinks}");
        Assert.True(stream.Diagnostics.RangeGrows >= 2, $"grows: {stream.Diagnostics.RangeGrows}");
        var accepted = reader.LogRanges.Where(r => !r.Refused).ToList();
        Assert.All(accepted, r => Assert.True(r.Logs <= 500));
        Assert.Contains(reader.LogRanges, r => r.Refused);
        Assert.Contains(accepted, r => r.To - r.From + 1 == 128); // grew to the maximum in the quiet stretch
        Assert.All(reader.LogRanges, r => Assert.True(r.To - r.From + 1 <= 128));
        // Ranges never overlap and never leave a gap: each accepted one starts after the previous accepted one.
        for (var i = 1; i < accepted.Count; i++) Assert.Equal(accepted[i - 1].To + 1, accepted[i].From);
    }

    [Fact]
    public async Task A_single_block_over_the_limit_fails_with_a_clear_error_instead_of_skipping_it()
    {
        await using var chain = await TestChain.StartAsync();
        var emitter = await chain.EmitterAsync(1);
        var receipt = await chain.EmitAsync(emitter, TestChain.Ping, 50, 0);
        var reader = new FaultyReader(new EthRpcChainReader(chain.Rpc)) { MaxLogs = 10 };
        var options = Options(reorgThreshold: 0);
        options.MaxAttempts = 3;
        await using var stream = NewStream(chain, Sources(PingSource("Emitter", emitter)), options: options, reader: reader);
        var e = await Assert.ThrowsAsync<BlockStreamException>(() => ReadUntilAsync(stream, long.MaxValue));
        Assert.Contains("giving up after 3 attempts", e.Message, StringComparison.Ordinal);
        Assert.Contains("query returned more than 10 results", e.Message, StringComparison.Ordinal);
        Assert.True(stream.Cursor is null || stream.Cursor.Value.Number < receipt.BlockNumber, $"cursor {stream.Cursor} passed block #{receipt.BlockNumber}");
    }
}
