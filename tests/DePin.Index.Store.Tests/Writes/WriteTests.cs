using DePin.Index.Store.Tests.Fixtures;
using DePin.Index.Subgraph.Values;
using static DePin.Index.Store.EntityModification;

namespace DePin.Index.Store.Tests.Writes;

[Collection(PostgresCollection.Name)]
public sealed class WriteTests(PostgresFixture pg) : StoreTestBase(pg)
{
    private static readonly string O1 = Depin.Owner(1);
    private static readonly string O2 = Depin.Owner(2);

    [Fact]
    public async Task Create_update_and_remove_read_back_at_latest_and_at_every_block()
    {
        var d = await NewDeploymentAsync();
        var proof = Depin.TxHash(2, 0);
        var r1 = await d.WriteAsync(Batch(2,
            Insert("Owner", O1, Depin.Owner(O1, 1, 5), 1),
            Insert("Device", "1", Depin.Device("1", O1, 0, 0), 1),
            Insert("NetworkStats", "network", Depin.Network(1, 0), 1),
            Overwrite("Device", "1", Depin.Device("1", O1, 1, 10, lastProof: proof), 2),
            Insert("Proof", proof, Depin.Proof(proof, "1", O1, "1", 10, 2), 2),
            Overwrite("NetworkStats", "network", Depin.Network(1, 1), 2)));
        Assert.Equal(new WriteResult(RowsInserted: 6, RowsClosed: 0, EntityCountDelta: 4), r1);

        var r2 = await d.WriteAsync(Batch(5,
            Overwrite("Device", "1", Depin.Device("1", O1, 2, 20), 3),
            Overwrite("Device", "1", Depin.Device("1", O1, 3, 30), 3), // same block: the later change wins
            Insert("Device", "2", Depin.Device("2", O1, 0, 0), 3),
            Remove("Device", "2", 5),
            Overwrite("Device", "1", Depin.Device("1", O1, 3, 30, active: false), 5)));
        Assert.Equal(new WriteResult(RowsInserted: 3, RowsClosed: 1, EntityCountDelta: 0), r2);

        var expected = new Dictionary<int, (Entity? D1, Entity? D2)>
        {
            [1] = (Depin.Device("1", O1, 0, 0), null),
            [2] = (Depin.Device("1", O1, 1, 10, lastProof: proof), null),
            [3] = (Depin.Device("1", O1, 3, 30), Depin.Device("2", O1, 0, 0)),
            [4] = (Depin.Device("1", O1, 3, 30), Depin.Device("2", O1, 0, 0)),
            [5] = (Depin.Device("1", O1, 3, 30, active: false), null),
        };
        Assert.Null(await d.GetAsync("Device", "1", block: 0));
        foreach (var (block, (d1, d2)) in expected)
        {
            Assert.Equal(d1, await d.GetAsync("Device", "1", block));
            Assert.Equal(d2, await d.GetAsync("Device", "2", block));
        }

        Assert.Equal(expected[5].D1, await d.GetAsync("Device", "1"));
        Assert.Null(await d.GetAsync("Device", "2"));
        Assert.Equal(Depin.Network(1, 0), await d.GetAsync("NetworkStats", "network", 1));
        Assert.Equal(Depin.Network(1, 1), await d.GetAsync("NetworkStats", "network"));
        Assert.Null(await d.GetAsync("Proof", proof, 1));
        Assert.Equal(Depin.Proof(proof, "1", O1, "1", 10, 2), await d.GetAsync("Proof", proof, 2));

        Assert.Equal("""
            1	[1,2)
            1	[2,3)
            1	[3,5)
            2	[3,5)
            1	[5,)

            """.ReplaceLineEndings("\n"),
            await Pg.DumpAsync($"select id, block_range from {d.Layout.GetTable("Device").QualifiedName} order by vid"));
        var status = await d.GetStatusAsync();
        Assert.Equal(Ptr(5), status.LatestBlock);
        Assert.Equal(4, status.EntityCount);
        Assert.Equal(await CountLiveAsync(d), status.EntityCount);
    }

    [Fact]
    public async Task Updates_twice_in_one_batch_and_across_batches_keep_one_version_per_block()
    {
        var d = await NewDeploymentAsync();
        await d.WriteAsync(Batch(3,
            Insert("Epoch", "1", Depin.Epoch("1", 0, 0), 1),
            Overwrite("Epoch", "1", Depin.Epoch("1", 1, 5), 2),
            Overwrite("Epoch", "1", Depin.Epoch("1", 2, 7), 3)));
        await d.WriteAsync(Batch(4, Overwrite("Epoch", "1", Depin.Epoch("1", 3, 9), 4)));
        await d.WriteAsync(Batch(6, Overwrite("Epoch", "1", Depin.Epoch("1", 4, 11), 6), Overwrite("Epoch", "1", Depin.Epoch("1", 4, 12, closed: true), 6)));
        var epochs = d.Layout.GetTable("Epoch").QualifiedName;
        Assert.Equal("[1,2)\n[2,3)\n[3,4)\n[4,6)\n[6,)\n", await Pg.DumpAsync($"select block_range from {epochs} order by vid"));
        Assert.Equal(
            [(1L << 32), (2L << 32), (3L << 32), (4L << 32), (6L << 32)],
            (await Pg.DumpAsync($"select vid from {epochs} order by vid")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse));
        int[] proofs = [0, 1, 2, 3, 3, 4];
        for (var b = 1; b <= 6; b++)
        {
            Assert.Equal(V.Big(proofs[b - 1]), (await d.GetAsync("Epoch", "1", b))!["proofCount"]);
        }

        Assert.Equal(V.Bool(true), (await d.GetAsync("Epoch", "1"))!["closed"]);
        Assert.Equal(1, (await d.GetStatusAsync()).EntityCount);
    }

    [Fact]
    public async Task Set_and_remove_in_one_block_leave_nothing_and_a_removed_entity_can_come_back()
    {
        var d = await NewDeploymentAsync();
        await d.WriteAsync(Batch(1, Insert("Owner", O1, Depin.Owner(O1, 1, 1), 1), Remove("Owner", O1, 1)));
        Assert.Null(await d.GetAsync("Owner", O1));
        await d.WriteAsync(Batch(4,
            Insert("Owner", O2, Depin.Owner(O2, 1, 1), 2),
            Remove("Owner", O2, 3),
            Insert("Owner", O2, Depin.Owner(O2, 2, 2), 4)));
        Assert.Equal(Depin.Owner(O2, 1, 1), await d.GetAsync("Owner", O2, 2));
        Assert.Null(await d.GetAsync("Owner", O2, 3));
        Assert.Equal(Depin.Owner(O2, 2, 2), await d.GetAsync("Owner", O2, 4));
        await d.WriteAsync(Batch(5, Remove("Owner", O2, 5), Remove("Owner", Depin.Owner(9), 5))); // removing what does not exist is no error
        Assert.Null(await d.GetAsync("Owner", O2));
        Assert.Equal(0, (await d.GetStatusAsync()).EntityCount);
        Assert.Equal(0, await CountLiveAsync(d));
        Assert.Equal("[2,3)\n[4,5)\n", await Pg.DumpAsync($"select block_range from {d.Layout.GetTable("Owner").QualifiedName} order by vid"));
    }

    [Fact]
    public async Task Immutable_entities_are_inserted_once_and_never_changed()
    {
        var d = await NewDeploymentAsync();
        var p = Depin.TxHash(1, 1);
        await d.WriteAsync(Batch(1, Insert("Proof", p, Depin.Proof(p, "1", O1, "1", 3, 1), 1)));
        Assert.Equal($"entity type Proof is immutable: Proof '{p}' can not be updated (block 2)",
            (await Assert.ThrowsAsync<StoreException>(() => d.WriteAsync(Batch(2, Overwrite("Proof", p, Depin.Proof(p, "1", O1, "1", 4, 1), 2))))).Message);
        Assert.Equal($"entity type Proof is immutable: Proof '{p}' can not be removed (block 2)",
            (await Assert.ThrowsAsync<StoreException>(() => d.WriteAsync(Batch(2, Remove("Proof", p, 2))))).Message);
        var again = await Assert.ThrowsAsync<StoreException>(() => d.WriteAsync(Batch(2, Insert("Proof", p, Depin.Proof(p, "1", O1, "1", 4, 2), 2))));
        Assert.Contains("a duplicate id in proof (immutable entities can be inserted once)", again.Message, StringComparison.Ordinal);
        Assert.Equal(Depin.Proof(p, "1", O1, "1", 3, 1), await d.GetAsync("Proof", p));
        Assert.Equal(Ptr(1), (await d.GetStatusAsync()).LatestBlock);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task An_error_in_the_middle_of_a_batch_leaves_nothing_half_written(string layout)
    {
        var d = await NewDeploymentAsync(options: Options(layout));
        var p = Depin.TxHash(1, 1);
        await d.WriteAsync(Batch(1,
            Insert("Device", "1", Depin.Device("1", O1, 0, 0), 1),
            Insert("Proof", p, Depin.Proof(p, "1", O1, "1", 3, 1), 1)) with
        { Pois = [new PoiDigest(1, Ethereum.Primitives.Hash32.Of("poi1"))] });
        var before = await DumpAsync(d);

        // Device and Owner are copied first; the Proof's duplicate id fails in the database afterwards.
        var failing = Batch(3,
            Overwrite("Device", "1", Depin.Device("1", O1, 1, 3), 2),
            Insert("Owner", O1, Depin.Owner(O1, 1, 1), 2),
            Insert("Proof", p, Depin.Proof(p, "1", O1, "1", 9, 3), 3)) with
        {
            Pois = [new PoiDigest(2, Ethereum.Primitives.Hash32.Of("poi2"))],
            DataSources = [new DynamicDataSource("Market", 2, null)],
        };
        await Assert.ThrowsAsync<StoreException>(() => d.WriteAsync(failing));
        Assert.Equal(before, await DumpAsync(d));

        // The same happens with an Insert of a mutable entity that exists (the version check refuses it).
        var overlap = await Assert.ThrowsAsync<StoreException>(() => d.WriteAsync(Batch(2,
            Insert("Owner", O1, Depin.Owner(O1, 1, 1), 2),
            Insert("Device", "1", Depin.Device("1", O1, 5, 5), 2))));
        Assert.Contains(layout == "default" ? "an entity version overlaps an existing one" : "an entity gets a second open version", overlap.Message,
            StringComparison.Ordinal);
        Assert.Contains(layout == "default" ? "Key (id, block_range)=(1, [2,))" : "Key (id)=(1)", overlap.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DumpAsync(d));
    }

    [Fact]
    public async Task Pois_and_data_sources_commit_with_the_batch()
    {
        var d = await NewDeploymentAsync();
        var context = V.Entity(("kind", V.S("energy")), ("limit", V.Big(System.Numerics.BigInteger.Pow(2, 256) - 1)), ("tags", V.List(V.S("a"), Value.Null)));
        var market = Ethereum.Primitives.Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        await d.WriteAsync(new WriteBatch(Ptr(3), [])
        {
            Pois = [new PoiDigest(1, Ethereum.Primitives.Hash32.Of("a")), new PoiDigest(3, Ethereum.Primitives.Hash32.Of("c"))],
            DataSources =
            [
                new DynamicDataSource("Market", 2, market) { Context = context },
                new DynamicDataSource("Market", 2, null) { Params = ["QmFile"] },
                new DynamicDataSource("Registry", 3, market),
            ],
        });
        Assert.Null(await d.GetPoiAsync(0));
        Assert.Equal(Ethereum.Primitives.Hash32.Of("a"), await d.GetPoiAsync(1));
        Assert.Equal(Ethereum.Primitives.Hash32.Of("a"), await d.GetPoiAsync(2));
        Assert.Equal(Ethereum.Primitives.Hash32.Of("c"), await d.GetPoiAsync(3));
        var dds = await d.LoadDynamicDataSourcesAsync();
        Assert.Equal(["Market", "Market", "Registry"], dds.Select(x => x.Template));
        Assert.Equal(market, dds[0].Address);
        Assert.Equal(context, dds[0].Context);
        Assert.Null(dds[1].Address);
        Assert.Equal(["QmFile"], dds[1].Params);
        Assert.Equal(3, dds[2].Block);
    }

    [Fact]
    public async Task Get_many_reads_any_number_of_ids_in_one_query_keyed_by_canonical_id()
    {
        var d = await NewDeploymentAsync();
        var mods = Enumerable.Range(1, 500).Select(i => Insert("Owner", Depin.Owner(i), Depin.Owner(Depin.Owner(i), i, i), 1)).ToArray();
        await d.WriteAsync(Batch(1, mods));
        var ids = Enumerable.Range(1, 600).Select(i => Depin.Owner(i).ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)).ToList();
        var found = await d.GetManyAsync("Owner", ids);
        Assert.Equal(500, found.Count);
        Assert.Equal(Depin.Owner(Depin.Owner(7), 7, 7), found[Depin.Owner(7)]);
        Assert.Empty(await d.GetManyAsync("Owner", []));
    }
}
