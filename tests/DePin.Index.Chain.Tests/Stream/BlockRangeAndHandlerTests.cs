using static DePin.Index.Chain.Tests.Stream.StreamTestKit;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>Start and end blocks, block handlers, and resuming from a cursor, on a real anvil.</summary>
public sealed class BlockRangeAndHandlerTests
{
    [Fact]
    public async Task Start_and_end_blocks_bound_each_data_source_and_the_stream_ends_after_the_last()
    {
        await using var chain = await TestChain.StartAsync();
        var a = await chain.EmitterAsync(1);
        var b = await chain.EmitterAsync(2);
        for (var i = 0; i < 30; i++)
        {
            var r = await chain.EmitAsync(a, TestChain.Ping, 1, 1000 + i);
            await chain.EmitAsync(b, TestChain.Ping, 1, 2000 + i);
            Assert.Equal(1 + (2 * i), r.BlockNumber); // a in odd blocks, b in even ones
        }
        var sources = Sources(PingSource("A", a, start: 11, end: 21) + PingSource("B", b, start: 30, end: 40));
        var options = Options(reorgThreshold: 5);
        options.InitialBlockRange = 4;
        await using var stream = NewStream(chain, sources, options: options);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new List<BlockStreamEvent>();
        await foreach (var e in stream.ReadAllAsync(timeout.Token)) events.Add(e); // ends by itself

        // a's logs in blocks 11..21 (odd: 11, 13, …, 21 → i = 5..10); b's in 30..40 (even: i = 14..19).
        Assert.Equal(Enumerable.Range(5, 6).Select(i => 1000L + i).Concat(Enumerable.Range(14, 6).Select(i => 2000L + i)), LogIds(events));
        Assert.Equal(40, stream.Cursor!.Value.Number);
        Assert.Equal(11, events.OfType<ProcessBlocks>().First().Blocks[0].Number);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(250)]
    public async Task Block_handlers_run_once_at_the_start_every_block_and_every_n_blocks(int reorgThreshold)
    {
        await using var chain = await TestChain.StartAsync();
        var a = await chain.EmitterAsync(1);
        var b = await chain.EmitterAsync(2);
        for (var i = 0; i < 6; i++) await chain.EmitAsync(a, TestChain.Ping, 2, i * 10);     // blocks 1..6
        await chain.MineAsync(10);                                                                // 7..16
        await chain.EmitAsync(b, TestChain.Ping, 1, 99);                                          // 17
        await chain.MineAsync(4);                                                                 // 18..21
        var head = await chain.HeadAsync();
        var sources = Sources(
            PingSource("Ticker", a, start: 3, end: 8, blocks: ["tick"]) +
            PingSource("Poller", b, start: 5, blocks: ["init|{ kind: once }", "poll|{ kind: polling, every: 4 }"]));
        var options = Options(reorgThreshold);
        options.InitialBlockRange = 5;
        await using var stream = NewStream(chain, sources, options: options);
        var events = await ReadUntilAsync(stream, head);

        var byBlock = events.OfType<ProcessBlocks>().SelectMany(p => p.Blocks).Where(x => x.Triggers.Count > 0)
            .ToDictionary(x => x.Number, x => string.Join(", ", x.Triggers.Select(t => t.Kind == TriggerKind.Log ? $"{t.Handler}:{TestChain.IdOf(t.Log!)}" : t.Handler)));
        Assert.Equal(new Dictionary<long, string>
        {
            [3] = "handlePing:20, handlePing:21, tick",
            [4] = "handlePing:30, handlePing:31, tick",
            [5] = "init, handlePing:40, handlePing:41, tick, poll",
            [6] = "handlePing:50, handlePing:51, tick",
            [7] = "tick",
            [8] = "tick",
            [9] = "poll",
            [13] = "poll",
            [17] = "handlePing:99, poll",
            [21] = "poll",
        }, byBlock);
    }

    [Fact]
    public async Task A_new_stream_from_the_committed_cursor_resumes_exactly_after_it()
    {
        await using var chain = await TestChain.StartAsync();
        var a = await chain.EmitterAsync(1);
        for (var i = 0; i < 40; i++) await chain.EmitAsync(a, TestChain.Ping, 3, i * 10);
        var head = await chain.HeadAsync();
        var sources = Sources(PingSource("A", a));
        var options = Options(reorgThreshold: 15); // the cut falls in the backfill, the rest crosses into the head region
        options.InitialBlockRange = 6;

        List<BlockStreamEvent> first;
        BlockPtr committed;
        await using (var stream = NewStream(chain, sources, options: options))
        {
            first = await ReadUntilAsync(stream, 13);
            committed = stream.Cursor!.Value;
        }
        await using var resumed = NewStream(chain, sources, cursor: committed, options: options);
        var rest = await ReadUntilAsync(resumed, head);

        Assert.True(rest.OfType<ProcessBlocks>().First().Blocks[0].Number > committed.Number);
        var all = LogIds(first.Concat(rest));
        Assert.Equal(Enumerable.Range(0, 40).SelectMany(i => new long[] { i * 10, (i * 10) + 1, (i * 10) + 2 }), all);
    }
}
