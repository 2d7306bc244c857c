using System.Numerics;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Validation;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Subgraph.Tests.Validation;

public class EntityValidatorTests
{
    private const string Sdl = """
        enum Kind { Wireless Energy }
        interface Thing { id: ID! }
        type Owner @entity(immutable: false) {
          id: Bytes!
          devices: [Device!]! @derivedFrom(field: "owner")
        }
        type Device implements Thing @entity(immutable: false) {
          id: ID!
          owner: Owner!
          kind: Kind!
          kinds: [Kind!]
          name: String
          lat: Int!
          work: BigInt!
          price: BigDecimal
          big: Int8
          at: Timestamp
          active: Boolean!
          key: Bytes
          tags: [String!]!
          maybe: [String]
          friends: [Owner!]
          thing: Thing
        }
        type Sample @entity(immutable: true) { id: Int8! v: Int }
        """;

    private static readonly SubgraphSchema Schema = SubgraphSchema.Parse(Sdl);

    private static readonly byte[] OwnerId = Convert.FromHexString("f39fd6e51aad88f6f4ce6ab8827279cfffb92266");

    private static Entity ValidDevice() => new()
    {
        ["id"] = Value.FromString("7"),
        ["owner"] = Value.FromBytes(OwnerId),
        ["kind"] = Value.FromString("Energy"),
        ["lat"] = Value.FromInt(-33_868_820),
        ["work"] = Value.FromBigInt(BigInteger.Parse("115792089237316195423570985008687907853269984665640564039457584007913129639935", System.Globalization.CultureInfo.InvariantCulture)),
        ["active"] = Value.True,
        ["tags"] = Value.FromArray([Value.FromString("roof")]),
    };

    private static void Reset(Entity e)
    {
        foreach (var name in e.FieldNames.ToList())
        {
            e.Remove(name);
        }
    }

    [Fact]
    public void A_complete_entity_is_valid()
    {
        Assert.Null(EntityValidator.Check(Schema, "Device", ValidDevice()));
        EntityValidator.Validate(Schema, "Device", ValidDevice(), key: "7");
    }

    [Fact]
    public void Optional_fields_accept_their_types_and_null()
    {
        var e = ValidDevice();
        e["kinds"] = Value.FromArray([Value.FromString("Wireless"), Value.FromString("Energy")]);
        e["name"] = Value.Null;
        e["price"] = Value.FromBigDecimal(BigDecimal.Parse("1.5"));
        e["big"] = Value.FromInt8(long.MaxValue);
        e["at"] = Value.FromTimestamp(1_700_000_000_000_000);
        e["key"] = Value.FromBytes([1, 2]);
        e["maybe"] = Value.FromArray([Value.FromString("a"), Value.Null]);
        e["friends"] = Value.FromArray([Value.FromBytes(OwnerId)]);
        e["thing"] = Value.FromString("9");
        e["tags"] = Value.FromArray([]);
        Assert.Null(EntityValidator.Check(Schema, "Device", e));
    }

    [Fact]
    public void Bytes_and_Int8_ids_are_checked_against_the_key()
    {
        var owner = new Entity { ["id"] = Value.FromBytes(OwnerId) };
        Assert.Null(EntityValidator.Check(Schema, "Owner", owner, key: "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"));
        Assert.Null(EntityValidator.Check(Schema, "Owner", owner, key: "0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266"));
        Assert.Equal(
            "Entity Owner[0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266]: the entity's `id` is `0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266` but it is stored under the id `0x01`",
            EntityValidator.Check(Schema, "Owner", owner, key: "0x01")!.Message);

        var sample = new Entity { ["id"] = Value.FromInt8(42), ["v"] = Value.FromInt(1) };
        Assert.Null(EntityValidator.Check(Schema, "Sample", sample, key: "42"));
        Assert.NotNull(EntityValidator.Check(Schema, "Sample", sample, key: "43"));
    }

    public static TheoryData<string, Action<Entity>, string, string?> Rejections() => new()
    {
        { "Device", e => e.Remove("owner"), "Entity Device[7]: missing value for non-nullable field `owner`", "owner" },
        { "Device", e => e["work"] = Value.Null, "Entity Device[7]: missing value for non-nullable field `work`", "work" },
        { "Device", e => e.Remove("id"), "Entity Device[?]: missing value for non-nullable field `id`", "id" },
        { "Device", e => e["id"] = Value.FromInt(7), "Entity Device[7]: the value `7` for field `id` must have type ID! but has type Int", "id" },
        { "Device", e => e["lat"] = Value.FromBigInt(5), "Entity Device[7]: the value `5` for field `lat` must have type Int! but has type BigInt", "lat" },
        { "Device", e => e["work"] = Value.FromInt(5), "Entity Device[7]: the value `5` for field `work` must have type BigInt! but has type Int", "work" },
        { "Device", e => e["active"] = Value.FromString("yes"), "Entity Device[7]: the value `yes` for field `active` must have type Boolean! but has type String", "active" },
        { "Device", e => e["big"] = Value.FromInt(1), "Entity Device[7]: the value `1` for field `big` must have type Int8 but has type Int", "big" },
        { "Device", e => e["at"] = Value.FromInt8(1), "Entity Device[7]: the value `1` for field `at` must have type Timestamp but has type Int8", "at" },
        { "Device", e => e["price"] = Value.FromBigInt(1), "Entity Device[7]: the value `1` for field `price` must have type BigDecimal but has type BigInt", "price" },
        { "Device", e => e["owner"] = Value.FromString("0xf39f"), "Entity Device[7]: the value `0xf39f` for field `owner` must have type Owner! but has type String", "owner" },
        { "Device", e => e["kind"] = Value.FromString("Solar"), "Entity Device[7]: the value `Solar` for field `kind` is not a value of enum Kind (Wireless, Energy)", "kind" },
        { "Device", e => e["kind"] = Value.FromInt(1), "Entity Device[7]: the value `1` for field `kind` must have type Kind! but has type Int", "kind" },
        { "Device", e => e["kinds"] = Value.FromArray([Value.FromString("Energy"), Value.FromString("Nope")]), "Entity Device[7]: the value `Nope` at index 1 of field `kinds` is not a value of enum Kind (Wireless, Energy)", "kinds" },
        { "Device", e => e["tags"] = Value.FromString("roof"), "Entity Device[7]: the value `roof` for field `tags` must have type [String!]! but has type String", "tags" },
        { "Device", e => e["name"] = Value.FromArray([Value.FromString("a")]), "Entity Device[7]: the value `[a]` for field `name` must have type String but has type [String]", "name" },
        { "Device", e => e["tags"] = Value.FromArray([Value.FromString("a"), Value.FromInt(2)]), "Entity Device[7]: field `tags` is of type [String!]!, but the value `[a, 2]` contains a Int at index 1", "tags" },
        { "Device", e => e["tags"] = Value.FromArray([Value.FromString("a"), Value.Null]), "Entity Device[7]: field `tags` is of type [String!]!, but the value `[a, null]` contains a Null at index 1", "tags" },
        { "Device", e => e["friends"] = Value.FromArray([Value.FromString("x")]), "Entity Device[7]: field `friends` is of type [Owner!], but the value `[x]` contains a String at index 0", "friends" },
        { "Device", e => e["colour"] = Value.FromString("red"), "Entity Device[7]: attempted to set undefined fields [colour]; make sure they are defined in the schema's type `Device`", "colour" },
        { "Device", e => { e["zeta"] = Value.True; e["alpha"] = Value.True; }, "Entity Device[7]: attempted to set undefined fields [alpha, zeta]; make sure they are defined in the schema's type `Device`", "alpha" },
        { "Owner", e => { Reset(e); e["id"] = Value.FromBytes([0xab]); e["devices"] = Value.FromArray([Value.FromString("7")]); }, "Entity Owner[0xab]: field `devices` is derived and cannot be set", "devices" },
        { "Owner", e => { Reset(e); e["id"] = Value.FromString("0xab"); }, "Entity Owner[0xab]: the value `0xab` for field `id` must have type Bytes! but has type String", "id" },
        { "Sample", e => { Reset(e); e["id"] = Value.FromInt(1); }, "Entity Sample[1]: the value `1` for field `id` must have type Int8! but has type Int", "id" },
        { "Devices", e => { }, "Entity Devices[7]: unknown entity type `Devices`", null },
        { "Thing", e => { }, "Entity Thing[7]: `Thing` is an interface, not an entity type; store one of its implementations (Device)", null },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Invalid_entities_are_rejected_naming_entity_id_and_field(string type, Action<Entity> change, string message, string? field)
    {
        var entity = ValidDevice();
        change(entity);
        var error = EntityValidator.Check(Schema, type, entity);
        Assert.NotNull(error);
        Assert.Equal(message, error.Message);
        Assert.Equal(type, error.EntityType);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, Assert.Throws<EntityValidationException>(() => EntityValidator.Validate(Schema, type, entity)).Message);
    }

    [Fact]
    public void Unknown_fields_are_allowed_for_old_api_versions()
    {
        var e = ValidDevice();
        e["colour"] = Value.FromString("red");
        Assert.Null(EntityValidator.Check(Schema, "Device", e, allowUnknownFields: true));
    }

    [Fact]
    public void A_null_derived_field_is_ignored()
    {
        var owner = new Entity { ["id"] = Value.FromBytes(OwnerId), ["devices"] = Value.Null };
        Assert.Null(EntityValidator.Check(Schema, "Owner", owner));
    }

    [Fact]
    public void Long_values_are_shortened_in_messages()
    {
        var e = ValidDevice();
        e["lat"] = Value.FromString(new string('x', 1000));
        var message = EntityValidator.Check(Schema, "Device", e)!.Message;
        Assert.Contains($"`{new string('x', 200)}…`", message, StringComparison.Ordinal);
        Assert.True(message.Length < 400);
    }

    [Fact]
    public void Depin_entities_written_like_the_mappings_are_valid()
    {
        var schema = SubgraphSchema.Load(Path.Combine(RepoPaths.DepinSubgraph, "schema.graphql"));
        var stats = new Entity
        {
            ["id"] = Value.FromString("network"),
            ["devices"] = Value.FromInt(1),
            ["activeDevices"] = Value.FromInt(1),
            ["accounts"] = Value.FromInt(1),
            ["proofs"] = Value.FromBigInt(0),
            ["totalWork"] = Value.FromBigInt(0),
            ["rewardCount"] = Value.FromBigInt(0),
            ["totalRewards"] = Value.FromBigInt(0),
            ["transfers"] = Value.FromInt(0),
            ["trades"] = Value.FromInt(0),
            ["energyWh"] = Value.FromBigInt(0),
            ["energyVolume"] = Value.FromBigInt(0),
            ["tokenSupply"] = Value.FromBigInt(0),
            ["currentEpoch"] = Value.FromBigInt(1),
        };
        Assert.Null(EntityValidator.Check(schema, "NetworkStats", stats, key: "network"));
        stats.Remove("currentEpoch");
        Assert.Equal("Entity NetworkStats[network]: missing value for non-nullable field `currentEpoch`", EntityValidator.Check(schema, "NetworkStats", stats)!.Message);
    }
}
