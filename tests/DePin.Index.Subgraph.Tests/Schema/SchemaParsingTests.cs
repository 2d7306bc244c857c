using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Subgraph.Tests.Schema;

public class SchemaParsingTests
{
    private static SubgraphSchema Depin() => SubgraphSchema.Load(Path.Combine(RepoPaths.DepinSubgraph, "schema.graphql"));

    [Fact]
    public void Depin_schema_has_its_entity_types_and_enum()
    {
        var schema = Depin();
        Assert.Equal(
            ["Device", "Owner", "Proof", "Reward", "DeviceTransfer", "EnergyTrade", "Epoch", "EpochKindStats", "KindStats", "NetworkStats"],
            schema.EntityTypes.Select(t => t.Name));
        var kind = Assert.Single(schema.Enums);
        Assert.Equal("DeviceKind", kind.Name);
        Assert.Equal(["Wireless", "Storage", "Compute", "Energy", "Mapping", "Sensor"], kind.Values);
        Assert.Empty(schema.Interfaces);
        Assert.Empty(schema.Fulltexts);
    }

    [Fact]
    public void Depin_schema_event_entities_are_immutable_and_aggregates_mutable()
    {
        var schema = Depin();
        string[] immutable = ["Proof", "Reward", "DeviceTransfer", "EnergyTrade"];
        foreach (var t in schema.EntityTypes)
        {
            Assert.Equal(immutable.Contains(t.Name), t.Immutable);
        }
    }

    [Fact]
    public void Depin_schema_resolves_ids_references_and_derived_fields()
    {
        var schema = Depin();
        var device = schema.GetEntityType("Device");
        Assert.Equal(IdType.String, device.IdType);
        Assert.Equal(IdType.Bytes, schema.GetEntityType("Owner").IdType);
        Assert.Equal(IdType.Bytes, schema.GetEntityType("Proof").IdType);

        var owner = device.GetField("owner");
        Assert.Equal(FieldBaseKind.Entity, owner.BaseKind);
        Assert.Equal(ValueKind.Bytes, owner.ValueKind); // Owner ids are addresses
        Assert.Equal("Owner!", owner.Type.ToString());

        var kind = device.GetField("kind");
        Assert.Equal(FieldBaseKind.Enum, kind.BaseKind);
        Assert.Equal(ValueKind.String, kind.ValueKind);

        var lastProof = device.GetField("lastProof");
        Assert.False(lastProof.IsNonNull);
        Assert.Equal(ValueKind.Bytes, lastProof.ValueKind);

        var proofs = device.GetField("proofs");
        Assert.True(proofs.IsDerived);
        Assert.Equal("device", proofs.DerivedFrom);
        Assert.Equal("[Proof!]!", proofs.Type.ToString());
        Assert.Equal(("Proof", "device"), schema.GetDerivedFrom("Device", "proofs"));
        Assert.Null(schema.GetDerivedFrom("Device", "owner"));

        var lat = device.GetField("latitudeE6");
        Assert.Equal(ScalarType.Int, lat.Scalar);
        Assert.Equal(ValueKind.Int, lat.ValueKind);
        Assert.Equal(ScalarType.BigInt, device.GetField("totalWork").Scalar);
        Assert.Equal(ValueKind.Bool, device.GetField("active").ValueKind);
        Assert.Equal(ValueKind.String, schema.GetIdKind("Device"));
        Assert.Equal(ValueKind.Bytes, schema.GetIdKind("Owner"));
        Assert.True(schema.HasField("Device", "proofs"));
        Assert.False(schema.HasField("Device", "nope"));
    }

    [Fact]
    public void Fields_keep_their_descriptions_and_lines()
    {
        var schema = Depin();
        var device = schema.GetEntityType("Device");
        Assert.Equal("A physical device registered in the DeviceRegistry.", device.Description);
        Assert.Equal("The current owner (changes on transfer).", device.GetField("owner").Description);
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.DepinSubgraph, "schema.graphql"));
        Assert.StartsWith("  owner: Owner!", lines[device.GetField("owner").Line - 1], StringComparison.Ordinal);
        Assert.StartsWith("type Device", lines[device.Line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Erc20_fixture_schema_parses()
    {
        var schema = SubgraphSchema.Load(Path.Combine(RepoPaths.Erc20Fixture, "schema.graphql"));
        Assert.Equal(["Token", "Account", "AccountBalance", "Transfer", "Approval"], schema.EntityTypes.Select(t => t.Name));
        Assert.True(schema.GetEntityType("Transfer").Immutable);
        Assert.Equal(("Transfer", "from"), schema.GetDerivedFrom("Account", "sent"));
    }

    [Fact]
    public void Interfaces_fulltext_timeseries_and_all_scalars_parse()
    {
        const string Sdl = """
            type _Schema_
              @fulltext(name: "deviceSearch", language: en, algorithm: rank,
                        include: [{ entity: "Device", fields: [{ name: "name" }, { name: "notes" }] }])

            interface Event { id: Bytes! at: Timestamp! }

            enum Color { Red Green }

            type Device @entity(immutable: false) {
              id: ID!
              name: String!
              notes: String
              color: Color
              colors: [Color!]
              big: BigInt
              dec: BigDecimal
              small: Int8
              flag: Boolean!
              raw: Bytes
              tags: [String!]!
              events: [Ping!]! @derivedFrom(field: "device")
            }

            type Ping implements Event @entity(immutable: true) {
              id: Bytes!
              at: Timestamp!
              device: Device!
            }

            type Sample @entity(timeseries: true) {
              id: Int8!
              timestamp: Timestamp!
              value: BigDecimal!
            }
            """;
        var schema = SubgraphSchema.Parse(Sdl, specVersion: new Version(1, 1, 0));
        var fulltext = Assert.Single(schema.Fulltexts);
        Assert.Equal("deviceSearch", fulltext.Name);
        Assert.Equal("en", fulltext.Language);
        Assert.Equal("rank", fulltext.Algorithm);
        Assert.Equal("Device", Assert.Single(fulltext.Includes).Entity);
        Assert.Equal(["name", "notes"], fulltext.Includes[0].Fields);

        var iface = schema.GetInterface("Event");
        Assert.Equal(["Ping"], iface.Implementers);
        Assert.Equal(IdType.Bytes, iface.IdType);

        var sample = schema.GetEntityType("Sample");
        Assert.True(sample.Timeseries);
        Assert.True(sample.Immutable);
        Assert.Equal(IdType.Int8, sample.IdType);

        var device = schema.GetEntityType("Device");
        Assert.Equal(ValueKind.String, device.GetField("colors").ValueKind);
        Assert.Equal(FieldBaseKind.Enum, device.GetField("colors").BaseKind);
        Assert.Equal(ValueKind.Int8, device.GetField("small").ValueKind);
        Assert.Equal(ValueKind.BigDecimal, device.GetField("dec").ValueKind);
        Assert.Equal(("Ping", "device"), schema.GetDerivedFrom("Device", "events"));
    }
}
