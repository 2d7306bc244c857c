using System.Numerics;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store.Tests.Fixtures;

/// <summary>Entities of the DePIN schema (subgraphs/depin/schema.graphql) with every non-null field set.</summary>
internal static class Depin
{
    private static readonly SubgraphSchema Schema = TestSchemas.Depin();

    public static string Owner(int n) => "0x" + n.ToString("x40", System.Globalization.CultureInfo.InvariantCulture);

    public static string TxHash(int block, int n) => "0x" + block.ToString("x32", System.Globalization.CultureInfo.InvariantCulture) + n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    public static Entity Device(string id, string owner, int proofCount, BigInteger totalWork, bool active = true, string? lastProof = null) =>
        V.Entity(
            ("id", V.S(id)), ("deviceId", V.Big(BigInteger.Parse(id, System.Globalization.CultureInfo.InvariantCulture))), ("owner", V.B(owner)),
            ("deviceKey", V.B("0x" + new string('d', 40))), ("kind", V.S("Energy")), ("latitudeE6", V.I(52_520_008)), ("longitudeE6", V.I(-13_404_954)),
            ("metadataURI", V.S("ipfs://device/" + id)), ("active", V.Bool(active)), ("registeredAt", V.Big(1_700_000_000)),
            ("registeredBlock", V.Big(1)), ("registeredTx", V.B(TxHash(1, 0))), ("proofCount", V.Big(proofCount)),
            ("totalWork", V.Big(totalWork)), ("totalRewards", V.Big(BigInteger.Pow(10, 18) * proofCount)), ("transferCount", V.I(0)))
            .With("lastProof", lastProof is null ? null : V.B(lastProof)).Fill("Device");

    public static Entity Owner(string id, int devices, BigInteger balance) =>
        V.Entity(
            ("id", V.B(id)), ("deviceCount", V.I(devices)), ("activeDeviceCount", V.I(devices)), ("proofCount", V.Big(0)),
            ("totalWork", V.Big(0)), ("totalRewards", V.Big(0)), ("tokenBalance", V.Big(balance)), ("energySoldWh", V.Big(0)),
            ("energyBoughtWh", V.Big(0)), ("energyEarned", V.Big(0)), ("energySpent", V.Big(0))).Fill("Owner");

    public static Entity Proof(string id, string device, string owner, string epoch, BigInteger work, int block) =>
        V.Entity(
            ("id", V.B(id)), ("device", V.S(device)), ("owner", V.B(owner)), ("epoch", V.S(epoch)), ("kind", V.S("Energy")),
            ("workUnits", V.Big(work)), ("dataHash", V.B(TxHash(block, 99))), ("block", V.Big(block)), ("timestamp", V.Big(1_700_000_000L + (12L * block))),
            ("tx", V.B(TxHash(block, 1)))).Fill("Proof");

    public static Entity Epoch(string id, int proofs, BigInteger work, bool closed = false) =>
        V.Entity(
            ("id", V.S(id)), ("number", V.Big(BigInteger.Parse(id, System.Globalization.CultureInfo.InvariantCulture))), ("closed", V.Bool(closed)),
            ("proofCount", V.Big(proofs)), ("workUnits", V.Big(work)), ("totalRewards", V.Big(0)), ("devicesPaid", V.I(0))).Fill("Epoch");

    public static Entity Network(int devices, int proofs) =>
        V.Entity(
            ("id", V.S("network")), ("devices", V.I(devices)), ("activeDevices", V.I(devices)), ("accounts", V.I(devices)), ("proofs", V.Big(proofs)),
            ("totalWork", V.Big(0)), ("totalRewards", V.Big(0)), ("transfers", V.I(0)), ("trades", V.I(0)), ("energyWh", V.Big(0)),
            ("energyVolume", V.Big(0)), ("tokenSupply", V.Big(BigInteger.Pow(2, 200))), ("currentEpoch", V.Big(1))).Fill("NetworkStats");

    /// <summary>
    /// Sets every non-null field the helpers above do not know to a zero value, so the tests keep working when
    /// the subgraph's schema grows a field.
    /// </summary>
    private static Entity Fill(this Entity e, string entityType)
    {
        foreach (var f in Schema.GetEntityType(entityType).Fields.Where(f => !f.IsDerived && f.IsNonNull && !e.Contains(f.Name)))
        {
            e.Set(f.Name, f.IsList ? V.List() : f.ValueKind switch
            {
                ValueKind.String => V.S(f.BaseKind == FieldBaseKind.Enum && Schema.TryGetEnum(f.Type.BaseName, out var en) ? en.Values[0] : ""),
                ValueKind.Int => V.I(0),
                ValueKind.Int8 => V.I8(0),
                ValueKind.BigInt => V.Big(0),
                ValueKind.BigDecimal => V.Dec("0"),
                ValueKind.Bool => V.Bool(false),
                ValueKind.Bytes => V.B("0x"),
                ValueKind.Timestamp => V.Ts(0),
                _ => throw new InvalidOperationException($"no default for {f}"),
            });
        }

        return e;
    }

    private static Entity With(this Entity e, string name, Value? value)
    {
        if (value is not null)
        {
            e.Set(name, value);
        }

        return e;
    }
}
