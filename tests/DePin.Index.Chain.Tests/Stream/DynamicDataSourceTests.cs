using DePin.Index.Chain.Tests.Triggers;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Subgraph.Manifest;
using static DePin.Index.Chain.Tests.Stream.StreamTestKit;

namespace DePin.Index.Chain.Tests.Stream;

/// <summary>
/// Templates instantiated while a block is processed: the new data source's triggers of that same block come right
/// after the block's own (graph-node's second pass), later blocks include it, earlier ones never; a revert below its
/// creation block removes it.
/// </summary>
public sealed class DynamicDataSourceTests
{
    private const long CreateChild = 1;

    private static SubgraphManifest FactoryManifest(Address factory) => Manifest(
        PingSource("Factory", factory),
        TestManifest.Source("Child", null, events: [$"{TestChain.PongSignature} → handlePong"], template: true));

    [Theory]
    [InlineData(0)]   // backfill: the creation block sits in a batch whose later blocks must be dropped
    [InlineData(250)] // near the head: block by block
    public async Task A_created_data_source_gets_its_triggers_from_the_creation_block_on(int reorgThreshold)
    {
        await using var chain = await TestChain.StartAsync();
        var factory = await chain.EmitterAsync(1);
        var child = await chain.EmitterAsync(2);
        await chain.EmitAsync(child, TestChain.Pong, 2, 100);                      // before the child exists: never delivered
        // One block: the child's Pong (lower log index) and then the factory's Ping that creates the child.
        var created = await chain.EmitInOneBlockAsync((child, TestChain.Pong, 2, 200), (factory, TestChain.Ping, 1, CreateChild));
        await chain.EmitAsync(child, TestChain.Pong, 3, 300);
        await chain.EmitAsync(factory, TestChain.Ping, 1, 2);
        await chain.MineAsync(3);
        var head = await chain.HeadAsync();

        var manifest = FactoryManifest(factory);
        var options = Options(reorgThreshold);
        options.InitialBlockRange = 64;
        await using var stream = NewStream(chain, DataSourceInstance.FromManifest(manifest), options: options);
        var delivered = await ConsumeAsync(stream, manifest.Templates[0], child, head);

        var creationBlock = created[0].BlockNumber;
        Assert.Equal(
            [
                $"Factory.handlePing {CreateChild} #{creationBlock}",
                $"Child.handlePong 200 #{creationBlock}", $"Child.handlePong 201 #{creationBlock}",
                $"Child.handlePong 300 #{creationBlock + 1}", $"Child.handlePong 301 #{creationBlock + 1}", $"Child.handlePong 302 #{creationBlock + 1}",
                $"Factory.handlePing 2 #{creationBlock + 2}",
            ],
            delivered);
        var dynamic = Assert.Single(stream.DataSources, d => d.IsDynamic);
        Assert.Equal((child, creationBlock, creationBlock), (dynamic.Address!.Value, dynamic.StartBlock, dynamic.CreationBlock!.Value));
    }

    [Fact]
    public async Task A_revert_below_the_creation_block_forgets_the_data_source()
    {
        await using var chain = await TestChain.StartAsync();
        var factory = await chain.EmitterAsync(1);
        var child = await chain.EmitterAsync(2);
        await chain.EmitAsync(factory, TestChain.Ping, 1, 50);
        var snapshot = await chain.Rpc.EvmSnapshotAsync();
        var ancestor = await chain.HeadAsync();
        await chain.EmitAsync(factory, TestChain.Ping, 1, CreateChild);
        await chain.EmitAsync(child, TestChain.Pong, 1, 300);
        var head = await chain.HeadAsync();

        var manifest = FactoryManifest(factory);
        await using var stream = NewStream(chain, DataSourceInstance.FromManifest(manifest));
        var before = await ConsumeAsync(stream, manifest.Templates[0], child, head);
        Assert.Contains("Child.handlePong 300 #" + head, before);
        Assert.Contains(stream.DataSources, d => d.IsDynamic);

        Assert.True(await chain.Rpc.EvmRevertAsync(snapshot));
        await chain.EmitAsync(child, TestChain.Pong, 1, 900);   // the child was never created on this branch
        await chain.EmitAsync(factory, TestChain.Ping, 1, 60);
        await chain.EmitAsync(child, TestChain.Pong, 1, 901);
        var newHead = await chain.HeadAsync();
        var reverts = new List<Revert>();
        var after = await ConsumeAsync(stream, manifest.Templates[0], child, newHead, reverts);

        Assert.Equal(ancestor, Assert.Single(reverts).To.Number);
        Assert.DoesNotContain(stream.DataSources, d => d.IsDynamic);
        Assert.Equal([$"Factory.handlePing 60 #{ancestor + 2}"], after);
    }

    [Fact]
    public async Task Data_sources_can_be_added_at_the_first_block_of_a_long_batch()
    {
        // Regression: the recent chain was capped below the batch size, so the batch's first blocks were forgotten.
        await using var chain = await TestChain.StartAsync();
        var factory = await chain.EmitterAsync(1);
        var child = await chain.EmitterAsync(2);
        await chain.EmitAsync(factory, TestChain.Ping, 1, CreateChild);                              // block 1 creates the child
        for (var i = 0; i < 150; i++) await chain.EmitAsync(factory, TestChain.Ping, 1, 2000 + i);   // 150 more trigger blocks
        await chain.EmitAsync(child, TestChain.Pong, 1, 900);
        var head = await chain.HeadAsync();
        var manifest = FactoryManifest(factory);
        var options = Options(reorgThreshold: 0);
        options.InitialBlockRange = 200;
        options.MaxBlockRange = 200;
        options.HeadBatchBlocks = 1;
        await using var stream = NewStream(chain, DataSourceInstance.FromManifest(manifest), options: options);

        var delivered = await ConsumeAsync(stream, manifest.Templates[0], child, head);

        Assert.Equal(
            Enumerable.Range(0, 150).Select(i => $"Factory.handlePing {2000 + i} #{i + 2}")
                .Prepend($"Factory.handlePing {CreateChild} #1")
                .Append($"Child.handlePong 900 #{head}"),
            delivered);
    }

    [Fact]
    public async Task Adding_data_sources_for_a_block_the_stream_did_not_hand_out_is_refused()
    {
        await using var chain = await TestChain.StartAsync();
        var factory = await chain.EmitterAsync(1);
        await chain.EmitAsync(factory, TestChain.Ping, 1, 5);
        var manifest = FactoryManifest(factory);
        await using var stream = NewStream(chain, DataSourceInstance.FromManifest(manifest));
        var events = await ReadUntilAsync(stream, await chain.HeadAsync());
        var block = events.OfType<ProcessBlocks>().Last().Last;
        var wrongHash = new BlockPtr(block.Number, Hash32.Zero);
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            stream.AddDataSourcesAsync(wrongHash, [DataSourceInstance.FromTemplate(manifest.Templates[0], factory, block.Number)]));
        Assert.Contains("was not handed out by this stream", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            stream.AddDataSourcesAsync(block, [DataSourceInstance.FromTemplate(manifest.Templates[0], factory, block.Number - 1)]));
    }

    /// <summary>
    /// A consumer as the runner will be: processes each block's triggers; when the factory's Ping creates the child
    /// it adds the data source, runs the returned triggers and drops the rest of the event.
    /// </summary>
    private static async Task<List<string>> ConsumeAsync(PollingBlockStream stream, DataSource template, Address child, long head, List<Revert>? reverts = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var delivered = new List<string>();
        static string Describe(Trigger t) => $"{t.DataSource.Name}.{t.Handler} {TestChain.IdOf(t.Log!)} #{t.BlockNumber}";
        await foreach (var e in stream.ReadAllAsync(timeout.Token))
        {
            if (e is Revert r) reverts?.Add(r);
            if (e is ProcessBlocks p)
            {
                foreach (var block in p.Blocks)
                {
                    var creates = false;
                    foreach (var t in block.Triggers)
                    {
                        delivered.Add(Describe(t));
                        creates |= t.DataSource.Name == "Factory" && TestChain.IdOf(t.Log!) == CreateChild;
                    }
                    if (!creates) continue;
                    var extra = await stream.AddDataSourcesAsync(block.Ptr, [DataSourceInstance.FromTemplate(template, child, block.Number)]);
                    Assert.Equal(block.Ptr, extra.Ptr);
                    delivered.AddRange(extra.Triggers.Select(Describe));
                    Assert.All(extra.Triggers, t => Assert.Equal(child, extra.TransactionOf(t).To));
                    break; // the rest of this event predates the new data source
                }
            }
            if (stream.Cursor is { } c && c.Number >= head && e is ProcessBlocks) break;
        }
        return delivered;
    }
}
