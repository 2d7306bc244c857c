using DePin.Index.Store.Tests.Fixtures;
using DePin.Index.Subgraph.Values;
using static DePin.Index.Store.EntityModification;

namespace DePin.Index.Store.Tests.Writes;

/// <summary>Bad batches are refused with a message naming the problem, and nothing of them is written.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WriteErrorTests(PostgresFixture pg) : StoreTestBase(pg)
{
    private static readonly string O1 = Depin.Owner(1);

    private static Entity Owner(params (string, Value)[] changes)
    {
        var e = Depin.Owner(O1, 1, 1);
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                e.Remove(name);
            }
            else
            {
                e.Set(name, value);
            }
        }

        return e;
    }

    public static TheoryData<string, WriteBatch, string> Cases() => new()
    {
        { "unknown type", Batch(5, Insert("Gadget", "1", new Entity(), 5)), "the schema has no entity type `Gadget`" },
        { "unknown field", Batch(5, Insert("Owner", O1, Owner(("nickname", V.S("x"))), 5)), $"Owner '{O1}' at block 5: field `nickname` is not a field of the type" },
        { "derived field", Batch(5, Insert("Owner", O1, Owner(("devices", V.List())), 5)), $"Owner '{O1}' at block 5: field `devices` is derived (@derivedFrom) and can not be set" },
        { "wrong kind", Batch(5, Insert("Owner", O1, Owner(("deviceCount", V.Big(1))), 5)), $"Owner '{O1}' at block 5: field `deviceCount` has type Int! but the value `1` is BigInt" },
        { "missing non-null", Batch(5, Insert("Owner", O1, Owner(("tokenBalance", null!)), 5)), $"Owner '{O1}' at block 5: field `tokenBalance` must not be null (type BigInt!)" },
        { "explicit null", Batch(5, Insert("Owner", O1, Owner(("tokenBalance", Value.Null)), 5)), $"Owner '{O1}' at block 5: field `tokenBalance` must not be null (type BigInt!)" },
        { "bad enum", Batch(5, Insert("Device", "1", Depin.Device("1", O1, 0, 0).Also("kind", V.S("Laser")), 5)), "Device '1' at block 5: field `kind` has enum type DeviceKind, which has no value `Laser`" },
        { "id mismatch", Batch(5, Insert("Owner", O1, Owner(("id", V.B(Depin.Owner(2)))), 5)), $"Owner '{O1}' at block 5: field `id` is {Depin.Owner(2)} (Bytes) but the entity is written as '{O1}'" },
        { "bad bytes id", Batch(5, Insert("Owner", "0xzz", Owner(), 5)), "Owner has Bytes ids; '0xzz' is not hex" },
        { "odd bytes id", Batch(5, Insert("Owner", "0xabc", Owner(), 5)), "Owner has Bytes ids; '0xabc' is not an even number of hex digits" },
        { "blocks out of order", Batch(6, Insert("Owner", O1, Owner(), 6), Remove("Owner", O1, 5)), $"modifications must be in block order: Owner '{O1}' at block 5 comes after block 6" },
        { "block above the cursor", Batch(5, Insert("Owner", O1, Owner(), 6)), "the batch has a change at block 6, outside 0..5 (the cursor)" },
        { "at the head", Batch(5, Insert("Owner", O1, Owner(), 4)), "blocks must be above the head" },
        { "insert over a live entity", Batch(6, Insert("Owner", O1, Owner(), 5), Insert("Owner", O1, Owner(), 6)), $"Insert of Owner '{O1}' at block 6, but it exists since block 5 of the same batch; use Overwrite" },
        { "insert without entity", Batch(5, new EntityModification("Owner", O1, null, 5, ModificationKind.Insert)), $"Insert of Owner '{O1}' at block 5 carries no entity" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
#pragma warning disable xUnit1026 // the name labels the row
    public async Task Bad_batches_are_refused(string name, WriteBatch batch, string message)
#pragma warning restore xUnit1026
    {
        var d = await NewDeploymentAsync();
        await d.WriteAsync(Batch(4, Insert("Owner", Depin.Owner(9), Depin.Owner(Depin.Owner(9), 1, 1), 4)));
        var before = await DumpAsync(d);
        var e = await Assert.ThrowsAsync<StoreException>(() => d.WriteAsync(batch));
        Assert.EndsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DumpAsync(d));
    }
}
