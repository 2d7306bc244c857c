using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Store;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Live.Tests;

/// <summary>A small DePIN schema (devices, their proofs, owners' stats) and entity changes for it.</summary>
internal static class DeviceData
{
    public const string Schema = """
        type Device @entity(immutable: false) {
          id: ID!
          owner: Bytes!
          kind: String!
          name: String!
          active: Boolean!
          rewards: BigInt!
          proofs: [Proof!]! @derivedFrom(field: "device")
        }

        type Proof @entity(immutable: true) {
          id: ID!
          device: Device!
          epoch: Int!
          amount: BigInt!
        }

        type Stat @entity(immutable: false) {
          id: ID!
          count: Int!
        }
        """;

    public static Hash32 BlockHash(int n, string fork = "") => Hash32.Of($"live-block-{fork}{n}");

    public static EntityModification Device(string id, string kind, BigInteger rewards, int block, bool update = false, bool active = true)
    {
        var e = new Entity();
        e.Set("id", Value.FromString(id));
        e.Set("owner", Value.FromBytes([0x0a, (byte)(id.Length % 256), 0x01]));
        e.Set("kind", Value.FromString(kind));
        e.Set("name", Value.FromString("device " + id));
        e.Set("active", Value.FromBool(active));
        e.Set("rewards", Value.FromBigInt(rewards));
        return new EntityModification("Device", id, e, block, update ? ModificationKind.Overwrite : ModificationKind.Insert);
    }

    public static EntityModification Proof(string id, string device, int epoch, BigInteger amount, int block)
    {
        var e = new Entity();
        e.Set("id", Value.FromString(id));
        e.Set("device", Value.FromString(device));
        e.Set("epoch", Value.FromInt(epoch));
        e.Set("amount", Value.FromBigInt(amount));
        return EntityModification.Insert("Proof", id, e, block);
    }

    public static EntityModification Stat(string id, int count, int block, bool update = false)
    {
        var e = new Entity();
        e.Set("id", Value.FromString(id));
        e.Set("count", Value.FromInt(count));
        return new EntityModification("Stat", id, e, block, update ? ModificationKind.Overwrite : ModificationKind.Insert);
    }

    /// <summary>Block 1: devices d00…d(n−1) (kinds alternate), one proof each for the first ten, a stat.</summary>
    public static List<EntityModification> Initial(int devices)
    {
        var mods = new List<EntityModification>();
        for (var i = 0; i < devices; i++)
        {
            mods.Add(Device($"d{i:D2}", i % 2 == 0 ? "wireless" : "storage", i * 10, 1));
        }

        for (var i = 0; i < Math.Min(devices, 10); i++)
        {
            mods.Add(Proof($"p{i:D2}", $"d{i:D2}", 1, 100 + i, 1));
        }

        mods.Add(Stat("all", devices, 1));
        return mods;
    }
}
