using DePin.Index.Ethereum.Primitives;
using DePin.Index.Store.Benchmarks;
using DePin.Index.Store.Layout;
using DePin.Index.Store.Tests.Fixtures;

namespace DePin.Index.Store.Tests.Revert;

/// <summary>
/// A revert to any ancestor leaves the store exactly (every row of every table, vids and block ranges
/// included, and the metadata) as a store that never saw the reverted blocks.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RevertTests(PostgresFixture pg) : StoreTestBase(pg)
{
    private const int Blocks = 8;

    /// <summary>Blocks 1..8 of DePIN-shaped changes with removes and re-creations, a POI per block, data sources now and then.</summary>
    private static List<WriteBatch> Chain()
    {
        var layout = RelationalLayout.Create(TestSchemas.Depin(), "sgd0");
        var workload = new SyntheticWorkload(layout, seed: 42) { PoolSize = 12, RemoveRate = 0.15 };
        var batches = new List<WriteBatch> { Batch(0) };
        for (var b = 1; b <= Blocks; b++)
        {
            batches.Add(new WriteBatch(Ptr(b), workload.Block(b, events: 6))
            {
                Pois = [new PoiDigest(b, Hash32.Of("poi " + b))],
                DataSources = b % 3 == 0 ? [new DynamicDataSource("Market", b, Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3"))] : [],
            });
        }

        return batches;
    }

    /// <summary>Joins consecutive batches into one (what backfill does).</summary>
    private static WriteBatch Join(IEnumerable<WriteBatch> batches)
    {
        var list = batches.ToList();
        return new WriteBatch(list[^1].Cursor, list.SelectMany(b => b.Modifications).ToArray())
        {
            Pois = list.SelectMany(b => b.Pois).ToArray(),
            DataSources = list.SelectMany(b => b.DataSources).ToArray(),
        };
    }

    [Fact]
    public async Task Reverting_to_each_ancestor_equals_a_store_that_never_saw_the_later_blocks()
    {
        var chain = Chain();
        Assert.Contains(chain, b => b.Modifications.Any(m => m.Kind == ModificationKind.Remove));

        // The reference: one batch per block, dumped after each.
        var reference = await NewDeploymentAsync();
        var expected = new List<string>();
        foreach (var batch in chain)
        {
            await reference.WriteAsync(batch);
            expected.Add(await DumpAsync(reference));
            Assert.Equal(await CountLiveAsync(reference), (await reference.GetStatusAsync()).EntityCount);
        }

        for (var a = 0; a < Blocks; a++)
        {
            // Written in two multi-block batches, then reverted straight to block a.
            var d = await NewDeploymentAsync();
            await d.WriteAsync(chain[0]);
            await d.WriteAsync(Join(chain.Skip(1).Take(Blocks / 2)));
            await d.WriteAsync(Join(chain.Skip(1 + (Blocks / 2))));
            Assert.Equal(expected[Blocks], await DumpAsync(d)); // batching does not change what is stored
            await d.RevertAsync(Ptr(a));
            Assert.Equal(expected[a], await DumpAsync(d));
            Assert.Equal(await CountLiveAsync(d), (await d.GetStatusAsync()).EntityCount);

            // and the reverted blocks can be written again.
            await d.WriteAsync(Join(chain.Skip(a + 1)));
            Assert.Equal(expected[Blocks], await DumpAsync(d));
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Reverting_one_block_at_a_time_walks_back_through_every_state(string layout)
    {
        var chain = Chain();
        var reference = await NewDeploymentAsync(options: Options(layout));
        var expected = new List<string>();
        foreach (var batch in chain)
        {
            await reference.WriteAsync(batch);
            expected.Add(await DumpAsync(reference));
        }

        for (var a = Blocks - 1; a >= 0; a--)
        {
            await reference.RevertAsync(Ptr(a));
            Assert.Equal(expected[a], await DumpAsync(reference));
        }

        var status = await reference.GetStatusAsync();
        Assert.Equal(Blocks, status.ReorgCount);
        Assert.Equal(1, status.MaxReorgDepth);
    }

    [Fact]
    public async Task A_revert_must_go_below_the_head_and_clears_a_later_fatal_error()
    {
        var d = await NewDeploymentAsync();
        Assert.Equal($"deployment {d.DeploymentId}: cannot revert to block 0: the head is empty",
            (await Assert.ThrowsAsync<StoreException>(() => d.RevertAsync(Ptr(0)))).Message);
        var chain = Chain();
        await d.WriteAsync(Join(chain.Take(4)));
        Assert.Equal($"deployment {d.DeploymentId}: cannot revert to block 3: the head is block 3",
            (await Assert.ThrowsAsync<StoreException>(() => d.RevertAsync(Ptr(3)))).Message);
        await d.FailAsync(new FatalError("boom", 3));
        await d.RevertAsync(Ptr(2));
        var status = await d.GetStatusAsync();
        Assert.Equal(DeploymentHealth.Healthy, status.Health);
        Assert.Null(status.FatalError);
        Assert.Equal(Ptr(2), status.LatestBlock);
        Assert.Equal(1, status.MaxReorgDepth);
    }
}
