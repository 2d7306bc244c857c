using DePin.Index.Ethereum.Primitives;
using static DePin.Index.Chain.Tests.Stream.StreamTestKit;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>Backfill over eth_getLogs ranges on a real anvil: every log exactly once, in order, with its block and transaction.</summary>
public sealed class BackfillTests
{
    [Fact]
    public async Task Every_log_arrives_exactly_once_in_order_across_many_ranges()
    {
        await using var chain = await TestChain.StartAsync();
        var emitter = await chain.EmitterAsync(1);
        var other = await chain.EmitterAsync(2);
        var expected = new List<long>();
        long id = 0;
        for (var i = 0; i < 60; i++)
        {
            var count = 1 + (i * 7 % 40);
            await chain.EmitAsync(emitter, TestChain.Ping, count, id);
            expected.AddRange(Enumerable.Range(0, count).Select(k => id + k));
            id += count;
            if (i % 10 == 3) await chain.MineAsync(25);                       // stretches of empty blocks
            if (i % 7 == 0) await chain.EmitAsync(other, TestChain.Ping, 5, 1_000_000 + i); // another contract: not ours
            if (i % 9 == 0) await chain.EmitAsync(emitter, TestChain.Pong, 3, 2_000_000 + i); // ours, but no handler
        }
        var head = await chain.HeadAsync();

        var options = Options(reorgThreshold: 0);
        options.InitialBlockRange = 8;
        options.MaxBlockRange = 64;
        await using var stream = NewStream(chain, Sources(PingSource("Emitter", emitter)), options: options);
        var events = await ReadUntilAsync(stream, head);

        Assert.Equal(expected, LogIds(events));
        Assert.All(events, e => Assert.IsType<ProcessBlocks>(e));
        Assert.True(events.Count >= 5, $"expected several ranges, got {events.Count} batches");
        Assert.True(stream.Diagnostics.RangeGrows >= 3, "8 → 64 takes three doublings");
        var blocks = events.OfType<ProcessBlocks>().SelectMany(p => p.Blocks).ToList();
        Assert.Equal(blocks.Select(b => b.Number).Order(), blocks.Select(b => b.Number));
        Assert.Equal(blocks.Count, blocks.Select(b => b.Number).Distinct().Count());
        Assert.Equal(head, stream.Cursor!.Value.Number);

        foreach (var block in blocks)
        {
            foreach (var t in block.Triggers)
            {
                Assert.Equal(block.Block.Hash, t.Log!.BlockHash);
                var tx = block.TransactionOf(t);
                Assert.Equal(t.Log.TransactionHash, tx.Hash);
                Assert.Equal(TestChain.Dev, tx.From);
                Assert.Equal(emitter, tx.To);
                Assert.Equal(TestChain.Ping, new Hash32(tx.Input.AsSpan(0, 32)));
                Assert.Equal(t.Log.TransactionIndex, tx.TransactionIndex);
            }
        }
        // The headers are the node's: spot-check one against eth_getBlockByNumber.
        var sample = blocks[blocks.Count / 2].Block;
        var direct = await chain.Rpc.GetBlockByNumberAsync(sample.Number);
        Assert.Equal(direct, sample with { TransactionHashes = direct!.TransactionHashes });
        Assert.Equal(direct.TransactionHashes, sample.TransactionHashes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(250)]
    public async Task Receipts_come_with_the_triggers_of_handlers_that_ask_for_them(int reorgThreshold)
    {
        await using var chain = await TestChain.StartAsync();
        var a = await chain.EmitterAsync(1);
        var b = await chain.EmitterAsync(2);
        var withReceipt = await chain.EmitAsync(a, TestChain.Ping, 2, 0);
        var without = await chain.EmitAsync(b, TestChain.Ping, 2, 10);
        var head = await chain.HeadAsync();
        var sources = Sources(
            Triggers.TestManifest.Source("A", a, events: [$"{TestChain.PingSignature} → handlePing|receipt: true"]) +
            PingSource("B", b));
        await using var stream = NewStream(chain, sources, options: Options(reorgThreshold));
        var blocks = (await ReadUntilAsync(stream, head)).OfType<ProcessBlocks>().SelectMany(p => p.Blocks).Where(x => x.Triggers.Count > 0).ToList();

        var first = Assert.Single(blocks, x => x.Number == withReceipt.BlockNumber);
        var receipt = Assert.Single(first.Receipts).Value;
        Assert.Equal(withReceipt.TransactionHash, receipt.TransactionHash);
        Assert.Equal(2, receipt.Logs.Count);
        Assert.True(receipt.Succeeded);
        Assert.Empty(Assert.Single(blocks, x => x.Number == without.BlockNumber).Receipts);
        Assert.Single(Assert.Single(blocks, x => x.Number == without.BlockNumber).Transactions);
    }
}
