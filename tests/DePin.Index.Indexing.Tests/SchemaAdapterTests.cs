using System.Numerics;
using DePin.Index.Indexing.Tests.Fixtures;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing.Tests;

public sealed class SchemaAdapterTests
{
    private static readonly SchemaAdapter Depin = new(SubgraphSchema.Load(TestPaths.DepinSchema, new Version(1, 0, 0)));

    [Fact]
    public void Answers_entity_types_fields_and_id_kinds_from_the_schema()
    {
        Assert.True(Depin.HasEntityType("Device"));
        Assert.False(Depin.HasEntityType("DeviceKind"));
        Assert.False(Depin.HasEntityType("Nope"));
        Assert.True(Depin.HasField("Device", "id"));
        Assert.True(Depin.HasField("Device", "proofs"));
        Assert.False(Depin.HasField("Device", "color"));
        Assert.False(Depin.HasField("Nope", "id"));
        Assert.Equal(ValueKind.String, Depin.GetIdKind("Device"));
        Assert.Equal(ValueKind.Bytes, Depin.GetIdKind("Owner"));
        Assert.Equal(ValueKind.Bytes, Depin.GetIdKind("Proof"));
    }

    [Fact]
    public void Derived_fields_name_the_referencing_type_and_field()
    {
        Assert.Equal(("Proof", "device"), Depin.GetDerivedFrom("Device", "proofs"));
        Assert.Equal(("EnergyTrade", "sellerDevice"), Depin.GetDerivedFrom("Device", "trades"));
        Assert.Equal(("KindStats", "network"), Depin.GetDerivedFrom("NetworkStats", "kinds"));
        Assert.Null(Depin.GetDerivedFrom("Device", "owner"));
        Assert.Null(Depin.GetDerivedFrom("Device", "nope"));
    }

    [Fact]
    public void Validate_accepts_a_complete_entity_and_names_the_first_problem_otherwise()
    {
        var stats = KindStats();
        Assert.Null(Depin.Validate("KindStats", stats));

        var missing = KindStats();
        missing.Remove("devices");
        Assert.Equal("Entity KindStats[Energy]: missing value for non-nullable field `devices`", Depin.Validate("KindStats", missing));

        var badEnum = KindStats();
        badEnum.Set("kind", Value.FromString("Plasma"));
        Assert.Contains("is not a value of enum DeviceKind", Depin.Validate("KindStats", badEnum), StringComparison.Ordinal);

        var wrongType = KindStats();
        wrongType.Set("proofCount", Value.FromInt(3));
        Assert.Contains("`proofCount` must have type BigInt! but has type Int", Depin.Validate("KindStats", wrongType), StringComparison.Ordinal);

        var derived = KindStats();
        Assert.Null(Depin.Validate("KindStats", derived));
        var network = NetworkWithKinds();
        Assert.Contains("field `kinds` is derived and cannot be set", Depin.Validate("NetworkStats", network), StringComparison.Ordinal);
    }

    private static Entity KindStats() => new()
    {
        ["id"] = Value.FromString("Energy"),
        ["network"] = Value.FromString("network"),
        ["kind"] = Value.FromString("Energy"),
        ["devices"] = Value.FromInt(2),
        ["activeDevices"] = Value.FromInt(1),
        ["proofCount"] = Value.FromBigInt(BigInteger.One),
        ["totalWork"] = Value.FromBigInt(10),
        ["rewardCount"] = Value.FromBigInt(0),
        ["totalRewards"] = Value.FromBigInt(0),
    };

    private static Entity NetworkWithKinds()
    {
        var e = new Entity { ["id"] = Value.FromString("network") };
        foreach (var f in new[] { "devices", "activeDevices", "accounts", "transfers", "trades" }) e.Set(f, Value.FromInt(0));
        foreach (var f in new[] { "proofs", "totalWork", "rewardCount", "totalRewards", "energyWh", "energyVolume", "tokenSupply", "currentEpoch" })
            e.Set(f, Value.FromBigInt(0));
        e.Set("kinds", Value.FromArray([Value.FromString("Energy")]));
        return e;
    }
}
