using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Store;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Cli.Commands;

/// <summary>
/// The data of `depin bench graphql`: a DePIN deployment (subgraphs/depin/schema.graphql) filled through the store's
/// bulk write path (<see cref="DeploymentStore.WriteAsync"/>, bulk-sync layout, attribute indexes built afterwards):
/// owners, devices, epochs, and per device its proofs and rewards. Deterministic for a seed.
/// </summary>
internal sealed class BenchGraphQLData(int devices, int proofsPerDevice, int rewardsPerDevice, int seed = 7)
{
    public const int Owners = 10_000;
    public const int Epochs = 16;
    private const int EntitiesPerBlock = 2_000;
    private const int EntitiesPerBatch = 40_000;

    public int Devices { get; } = devices;

    public long EntityCount => Owners + Epochs + (long)Devices * (1 + proofsPerDevice + rewardsPerDevice);

    public static byte[] OwnerId(int i) => Hash32.Of("owner-" + i).ToArray()[..20];

    public async Task WriteAsync(DeploymentStore store, IProgress<long> progress, CancellationToken ct)
    {
        var rng = new Random(seed);
        var batch = new List<EntityModification>(EntitiesPerBatch);
        var block = 1;
        var inBlock = 0;
        long written = 0;

        async Task Add(string type, string id, Entity e)
        {
            batch.Add(EntityModification.Insert(type, id, e, block));
            if (++inBlock == EntitiesPerBlock)
            {
                inBlock = 0;
                block++;
            }

            if (batch.Count >= EntitiesPerBatch)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var last = batch[^1].Block;
            await store.WriteAsync(new WriteBatch(new BlockPtr(last, Hash32.Of("bench-block-" + last)), batch.ToArray()), ct).ConfigureAwait(false);
            written += batch.Count;
            progress.Report(written);
            batch.Clear();
            block = last + 1;
            inBlock = 0;
        }

        for (var i = 0; i < Owners; i++)
        {
            var id = OwnerId(i);
            await Add("Owner", "0x" + Convert.ToHexStringLower(id), Build(("id", Value.FromBytes(id)), ("deviceCount", Value.FromInt(rng.Next(0, 20))),
                ("activeDeviceCount", Value.FromInt(rng.Next(0, 20))), ("proofCount", Big(rng.Next(0, 1000))), ("totalWork", Big(rng.Next())),
                ("totalRewards", Big(rng.NextInt64(0, long.MaxValue))), ("tokenBalance", Big(rng.NextInt64(0, long.MaxValue))),
                ("energySoldWh", Big(0)), ("energyBoughtWh", Big(0)), ("energyEarned", Big(0)), ("energySpent", Big(0)))).ConfigureAwait(false);
        }

        for (var e = 1; e <= Epochs; e++)
        {
            await Add("Epoch", e.ToString(System.Globalization.CultureInfo.InvariantCulture), Build(("id", Value.FromString(e.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                ("number", Big(e)), ("closed", Value.FromBool(e < Epochs)), ("proofCount", Big(rng.Next(1000, 100000))), ("workUnits", Big(rng.Next())),
                ("totalRewards", Big(rng.NextInt64(0, long.MaxValue))), ("devicesPaid", Value.FromInt(rng.Next(0, Devices))))).ConfigureAwait(false);
        }

        string[] kinds = ["Wireless", "Storage", "Compute", "Energy", "Mapping", "Sensor"];
        for (var d = 1; d <= Devices; d++)
        {
            var id = d.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var owner = Value.FromBytes(OwnerId(rng.Next(Owners)));
            var kind = Value.FromString(kinds[d % kinds.Length]);
            await Add("Device", id, Build(("id", Value.FromString(id)), ("deviceId", Big(d)), ("owner", owner),
                ("deviceKey", Value.FromBytes(Hash32.Of("key-" + d).ToArray()[..20])), ("kind", kind), ("latitudeE6", Value.FromInt(rng.Next(-90_000_000, 90_000_000))),
                ("longitudeE6", Value.FromInt(rng.Next(-180_000_000, 180_000_000))), ("metadataURI", Value.FromString($"ipfs://device/{d}")),
                ("active", Value.FromBool(rng.Next(10) > 0)), ("registeredAt", Big(1_700_000_000 + d)), ("registeredBlock", Big(block)),
                ("registeredTx", Value.FromBytes(Hash32.Of("tx-" + d).ToArray())), ("proofCount", Big(proofsPerDevice)),
                ("totalWork", Big(rng.NextInt64(0, 1L << 40))), ("totalRewards", Big(rng.NextInt64(0, long.MaxValue))), ("transferCount", Value.FromInt(0)))).ConfigureAwait(false);
            for (var p = 0; p < proofsPerDevice; p++)
            {
                var pid = Hash32.Of($"proof-{d}-{p}").ToArray();
                await Add("Proof", "0x" + Convert.ToHexStringLower(pid), Build(("id", Value.FromBytes(pid)), ("device", Value.FromString(id)), ("owner", owner),
                    ("epoch", Value.FromString((1 + (p % Epochs)).ToString(System.Globalization.CultureInfo.InvariantCulture))), ("kind", kind),
                    ("workUnits", Big(rng.Next(1, 10_000))), ("dataHash", Value.FromBytes(pid)), ("block", Big(block)), ("timestamp", Big(1_700_000_000 + (p * 3600))),
                    ("tx", Value.FromBytes(pid)))).ConfigureAwait(false);
            }

            for (var r = 0; r < rewardsPerDevice; r++)
            {
                var rid = Hash32.Of($"reward-{d}-{r}").ToArray();
                await Add("Reward", "0x" + Convert.ToHexStringLower(rid), Build(("id", Value.FromBytes(rid)), ("device", Value.FromString(id)), ("owner", owner),
                    ("epoch", Value.FromString((1 + (r % Epochs)).ToString(System.Globalization.CultureInfo.InvariantCulture))), ("kind", kind),
                    ("amount", Big(rng.NextInt64(0, long.MaxValue))), ("workUnits", Big(rng.Next(1, 10_000))), ("block", Big(block)),
                    ("timestamp", Big(1_700_000_000 + (r * 86400))), ("tx", Value.FromBytes(rid)))).ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
    }

    private static Value Big(long v) => Value.FromBigInt(new BigInteger(v));

    private static Entity Build(params (string Name, Value Value)[] fields)
    {
        var e = new Entity(fields.Length);
        foreach (var (n, v) in fields)
        {
            e.Set(n, v);
        }

        return e;
    }
}
