using DePin.Index.Store.Tests.Fixtures;
using DePin.Index.Subgraph.Values;
using static DePin.Index.Store.EntityModification;

namespace DePin.Index.Store.Tests.Prune;

[Collection(PostgresCollection.Name)]
public sealed class PruneTests(PostgresFixture pg) : StoreTestBase(pg)
{
    private const int Head = 330;

    /// <summary>Epoch 1 changes every block, device 1 every 10th block, a proof (immutable) every 5th.</summary>
    private async Task<DeploymentStore> HistoryAsync()
    {
        var d = await NewDeploymentAsync();
        var owner = Depin.Owner(1);
        var mods = new List<EntityModification>();
        for (var b = 1; b <= Head; b++)
        {
            mods.Add(b == 1 ? Insert("Epoch", "1", Depin.Epoch("1", b, b), b) : Overwrite("Epoch", "1", Depin.Epoch("1", b, b), b));
            if (b % 10 == 1)
            {
                mods.Add(b == 1 ? Insert("Device", "1", Depin.Device("1", owner, b, b), b) : Overwrite("Device", "1", Depin.Device("1", owner, b, b), b));
            }

            if (b % 5 == 0)
            {
                var p = Depin.TxHash(b, 0);
                mods.Add(Insert("Proof", p, Depin.Proof(p, "1", owner, "1", b, b), b));
            }
        }

        await d.WriteAsync(new WriteBatch(Ptr(Head), mods));
        return d;
    }

    private static async Task<List<(Entity? Epoch, Entity? Device, int Proofs)>> StatesAsync(DeploymentStore d, int from, int to)
    {
        var states = new List<(Entity?, Entity?, int)>();
        for (var b = from; b <= to; b++)
        {
            states.Add((await d.GetAsync("Epoch", "1", b), await d.GetAsync("Device", "1", b), (await d.LoadRelatedAsync("Device", "1", "proofs", b)).Count));
        }

        return states;
    }

    [Fact]
    public async Task Pruning_drops_history_before_the_window_and_keeps_every_later_state()
    {
        var d = await HistoryAsync();
        var before = await StatesAsync(d, Head - 300, Head);
        var epochRows = await Pg.ScalarAsync<int>($"select count(*) from {d.Layout.GetTable("Epoch").QualifiedName}");

        var result = await d.PruneAsync(historyBlocks: 300, reorgThreshold: 250);
        Assert.Equal(Head - 300, result.EarliestBlock);
        // Epoch versions [1,2) .. [29,30) and device versions [1,11), [11,21); [21,31) is still visible at block 30.
        Assert.Equal(29 + 2, result.RowsDeleted);
        Assert.Equal(epochRows - 29, await Pg.ScalarAsync<int>($"select count(*) from {d.Layout.GetTable("Epoch").QualifiedName}"));
        Assert.Equal(Head / 5, await Pg.ScalarAsync<int>($"select count(*) from {d.Layout.GetTable("Proof").QualifiedName}"));
        Assert.Equal(before, await StatesAsync(d, Head - 300, Head));
        Assert.Equal(Head - 300, (await d.GetStatusAsync()).EarliestBlock);

        var e = await Assert.ThrowsAsync<StoreException>(() => d.GetAsync("Epoch", "1", Head - 301));
        Assert.Equal($"deployment {d.DeploymentId}: block 29 is before the earliest block 30 it keeps (older history was pruned)", e.Message);
        Assert.Equal(new PruneResult(Head - 300, 0), await d.PruneAsync(historyBlocks: 300, reorgThreshold: 250));
    }

    [Fact]
    public async Task The_reorg_window_stays_revertable_after_pruning()
    {
        var d = await HistoryAsync();
        var window = await StatesAsync(d, Head - 251, Head - 240);
        await d.PruneAsync(historyBlocks: 251, reorgThreshold: 250);
        Assert.Equal(Head - 251, (await d.GetStatusAsync()).EarliestBlock);

        await d.RevertAsync(Ptr(Head - 250)); // the deepest revert the threshold allows
        Assert.Equal(window[..2], await StatesAsync(d, Head - 251, Head - 250));
        Assert.Equal(window[1].Epoch, await d.GetAsync("Epoch", "1"));
        Assert.Equal(window[1].Device, await d.GetAsync("Device", "1"));
        Assert.Equal(await CountLiveAsync(d), (await d.GetStatusAsync()).EntityCount);

        var tooDeep = await Assert.ThrowsAsync<StoreException>(() => d.RevertAsync(Ptr(Head - 252)));
        Assert.Equal($"deployment {d.DeploymentId}: cannot revert to block {Head - 252}: history before block {Head - 251} was pruned", tooDeep.Message);
    }

    [Theory]
    [InlineData(250, 250)]
    [InlineData(10, 250)]
    [InlineData(5, 5)]
    public async Task History_must_reach_beyond_the_reorg_threshold(int history, int threshold)
    {
        var d = await NewDeploymentAsync();
        var e = await Assert.ThrowsAsync<StoreException>(() => d.PruneAsync(history, threshold));
        Assert.Equal($"history of {history} blocks would reach into the reorg threshold of {threshold} blocks; keep more", e.Message);
    }
}
