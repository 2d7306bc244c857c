using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Store;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.GraphQL.Tests;

/// <summary>
/// A small schema with every feature the API generator must handle (interfaces, enums, lists, derived fields,
/// fulltext, Int8, Timestamp, BigDecimal, Bytes, self references) and data written through the store over three
/// blocks (an update at 2, a removal at 3) for time travel.
/// </summary>
internal static class ZooData
{
    public const string Schema = """
        enum Color { Red Green Blue }

        interface Named {
          id: ID!
          name: String!
        }

        type Person implements Named @entity(immutable: false) {
          id: ID!
          name: String!
          nick: String
          age: Int!
          balance: BigInt!
          score: BigDecimal!
          big: Int8!
          born: Timestamp!
          key: Bytes!
          color: Color!
          vip: Boolean!
          tags: [String!]!
          best: Person
          friends: [Person!]!
          pets: [Pet!]! @derivedFrom(field: "owner")
        }

        type Pet implements Named @entity(immutable: true) {
          id: ID!
          name: String!
          owner: Person!
          color: Color!
          weight: BigDecimal
        }

        type _Schema_ @fulltext(name: "personSearch", language: en, algorithm: rank,
            include: [{ entity: "Person", fields: [{ name: "name" }, { name: "nick" }] }])
        """;

    public static Hash32 BlockHash(int n) => Hash32.Of("zoo-block-" + n);

    public static async Task WriteAsync(DeploymentStore store)
    {
        var b1 = new List<EntityModification>
        {
            Person("p1", "Alice", "ally", 30, 1000, "1.5", 9007199254740993, 1_700_000_000_000_000, [0x01, 0xab], "Red", ["a", "b"], "p2", ["p2", "p3"], 1),
            Person("p2", "Bob", null, 25, BigInteger.Parse("123456789012345678901234567890"), "-0.001", -5, 1_600_000_000_000_000, [0xde, 0xad, 0xbe, 0xef], "Green", ["b"], null, [], 1),
            Person("p3", "Carol", "caz", 35, 0, "100", 0, 1_650_000_000_000_000, [0x00], "Blue", [], "p1", ["p1"], 1),
            Person("p4", "Dave_%", "d'; drop table person; --", 40, 7, "2.25", 4, 1_690_000_000_000_000, [0x04], "Red", ["x"], null, ["p1"], 1),
            Person("p5", "eve", "Evil Eve", 22, 3, "3", 5, 1_710_000_000_000_000, [0x05], "Green", ["a"], null, [], 1),
            Pet("pet1", "Rex", "p1", "Red", "10.5", 1),
            Pet("pet2", "Tom", "p1", "Blue", null, 1),
            Pet("pet3", "Kit", "p2", "Green", "3", 1),
        };
        await store.WriteAsync(new WriteBatch(new BlockPtr(1, BlockHash(1)), b1));
        var b2 = new List<EntityModification>
        {
            Person("p1", "Alice", "ally", 31, 1000, "1.5", 9007199254740993, 1_700_000_000_000_000, [0x01, 0xab], "Red", ["a", "b"], "p2", ["p2", "p3"], 2, ModificationKind.Overwrite),
            Pet("pet4", "Neo", "p3", "Blue", "0.25", 2),
        };
        await store.WriteAsync(new WriteBatch(new BlockPtr(2, BlockHash(2)), b2));
        await store.WriteAsync(new WriteBatch(new BlockPtr(3, BlockHash(3)), [EntityModification.Remove("Person", "p5", 3)]));
    }

    private static EntityModification Person(string id, string name, string? nick, int age, BigInteger balance, string score, long big, long born,
        byte[] key, string color, string[] tags, string? best, string[] friends, int block, ModificationKind kind = ModificationKind.Insert)
    {
        var e = new Entity();
        e.Set("id", Value.FromString(id));
        e.Set("name", Value.FromString(name));
        if (nick is not null)
        {
            e.Set("nick", Value.FromString(nick));
        }

        e.Set("age", Value.FromInt(age));
        e.Set("balance", Value.FromBigInt(balance));
        e.Set("score", Value.FromBigDecimal(BigDecimal.Parse(score)));
        e.Set("big", Value.FromInt8(big));
        e.Set("born", Value.FromTimestamp(born));
        e.Set("key", Value.FromBytes(key));
        e.Set("color", Value.FromString(color));
        e.Set("vip", Value.FromBool(id == "p1"));
        e.Set("tags", Value.FromArray(tags.Select(Value.FromString)));
        if (best is not null)
        {
            e.Set("best", Value.FromString(best));
        }

        e.Set("friends", Value.FromArray(friends.Select(Value.FromString)));
        return new EntityModification("Person", id, e, block, kind);
    }

    private static EntityModification Pet(string id, string name, string owner, string color, string? weight, int block)
    {
        var e = new Entity();
        e.Set("id", Value.FromString(id));
        e.Set("name", Value.FromString(name));
        e.Set("owner", Value.FromString(owner));
        e.Set("color", Value.FromString(color));
        if (weight is not null)
        {
            e.Set("weight", Value.FromBigDecimal(BigDecimal.Parse(weight)));
        }

        return EntityModification.Insert("Pet", id, e, block);
    }
}
