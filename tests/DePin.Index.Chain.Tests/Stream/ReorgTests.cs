using static DePin.Index.Chain.Tests.Stream.StreamTestKit;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>
/// Reorgs on a real anvil: evm_snapshot, a branch of blocks with events, evm_revert, then a different branch.
/// The stream must revert to the snapshot's block and deliver the new branch.
/// </summary>
public sealed class ReorgTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 3)]
    [InlineData(5, 5)]
    [InlineData(5, 2)]
    [InlineData(5, 9)]
    [InlineData(64, 64)]
    [InlineData(64, 70)]
    public async Task A_reorg_reverts_to_the_common_ancestor_and_delivers_the_new_branch(int depth, int newBranchBlocks)
    {
        await using var chain = await TestChain.StartAsync();
        var emitter = await chain.EmitterAsync(1);
        for (var i = 0; i < 5; i++) await chain.EmitAsync(emitter, TestChain.Ping, 3, i * 10);
        var snapshot = await chain.Rpc.EvmSnapshotAsync();
        var ancestor = await chain.Rpc.GetBlockByNumberAsync(await chain.HeadAsync());
        for (var i = 0; i < depth; i++) await chain.EmitAsync(emitter, TestChain.Ping, 2, 1000 + (i * 10));
        var oldHead = await chain.HeadAsync();

        await using var stream = NewStream(chain, Sources(PingSource("Emitter", emitter)));
        var events = await ReadUntilAsync(stream, oldHead);
        Assert.Equal(oldHead, stream.Cursor!.Value.Number);

        Assert.True(await chain.Rpc.EvmRevertAsync(snapshot));
        for (var i = 0; i < newBranchBlocks; i++) await chain.EmitAsync(emitter, TestChain.Ping, 1, 5000 + (i * 10));
        var newHead = await chain.HeadAsync();
        var after = await ReadUntilAsync(stream, newHead);

        var revert = Assert.IsType<Revert>(Assert.Single(after, e => e is Revert));
        Assert.Equal(new BlockPtr(ancestor!.Number, ancestor.Hash), revert.To);
        Assert.IsType<Revert>(after[0]);
        Assert.Equal(Enumerable.Range(0, newBranchBlocks).Select(i => 5000L + (i * 10)), LogIds(after));
        Assert.Equal(newBranchBlocks, after.OfType<ProcessBlocks>().Sum(p => p.Blocks.Count));
        Assert.All(after.OfType<ProcessBlocks>(), p => Assert.Single(p.Blocks)); // near the head: one block per event

        // What the consumer holds after applying everything is exactly the canonical chain's logs.
        var canonical = await chain.Rpc.GetLogsAsync(Ethereum.Rpc.LogFilter.Range(0, newHead, emitter));
        Assert.Equal(canonical.Select(TestChain.IdOf), AppliedIds(events.Concat(after)));
        Assert.Equal(1, stream.Diagnostics.Reverts);

        // Every block after the revert is the child of the one before (parent-hash chain from the ancestor).
        var parent = revert.To.Hash;
        foreach (var block in after.OfType<ProcessBlocks>().SelectMany(p => p.Blocks))
        {
            Assert.Equal(parent, block.Block.ParentHash);
            parent = block.Block.Hash;
        }
    }

    [Fact]
    public async Task A_stream_started_from_a_cursor_on_an_abandoned_branch_reverts_first()
    {
        await using var chain = await TestChain.StartAsync();
        var emitter = await chain.EmitterAsync(1);
        for (var i = 0; i < 4; i++) await chain.EmitAsync(emitter, TestChain.Ping, 2, i * 10);
        var snapshot = await chain.Rpc.EvmSnapshotAsync();
        var ancestorNumber = await chain.HeadAsync();
        for (var i = 0; i < 3; i++) await chain.EmitAsync(emitter, TestChain.Ping, 2, 100 + (i * 10));
        var stale = await chain.Rpc.GetBlockByNumberAsync(await chain.HeadAsync());
        Assert.True(await chain.Rpc.EvmRevertAsync(snapshot));
        for (var i = 0; i < 5; i++) await chain.EmitAsync(emitter, TestChain.Ping, 1, 500 + (i * 10));
        var head = await chain.HeadAsync();

        // Only the cursor is known (as after a restart): the ancestor is found by hash or by rewinding to a final block.
        await using var stream = NewStream(chain, Sources(PingSource("Emitter", emitter)), cursor: new BlockPtr(stale!.Number, stale.Hash), options: Options(reorgThreshold: 3));
        var events = await ReadUntilAsync(stream, head);

        var revert = Assert.IsType<Revert>(events[0]);
        Assert.True(revert.To.Number <= ancestorNumber, $"reverted to {revert.To}, the branches split after #{ancestorNumber}");
        var canonicalAtTarget = await chain.Rpc.GetBlockByNumberAsync(revert.To.Number);
        Assert.Equal(canonicalAtTarget!.Hash, revert.To.Hash);
        var redelivered = LogIds(events);
        Assert.Equal((await chain.Rpc.GetLogsAsync(Ethereum.Rpc.LogFilter.Range(revert.To.Number + 1, head, emitter))).Select(TestChain.IdOf), redelivered);
        Assert.Contains(540L, redelivered);
        Assert.DoesNotContain(120L, redelivered);
    }
}
