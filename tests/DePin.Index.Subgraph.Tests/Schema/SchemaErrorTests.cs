using DePin.Index.Subgraph.Schema;

namespace DePin.Index.Subgraph.Tests.Schema;

public class SchemaErrorTests
{
    // Each row: a schema with one mistake, and the exact message (file:line:column: problem).
    [Theory]
    [InlineData("type A @entity(immutable: true) { id: ID! name: Strin }",
        "schema.graphql:1:43: type `A`, field `name`: type `Strin` is not defined")]
    [InlineData("type A @entity(immutable: true) {\n  name: String\n}",
        "schema.graphql:1:6: type `A` is missing an `id` field")]
    [InlineData("type A @entity(immutable: true) { id: BigInt! }",
        "schema.graphql:1:35: type `A`, field `id`: type `BigInt` is not allowed for ids (use ID, String, Bytes or Int8)")]
    [InlineData("type A @entity(immutable: true) { id: ID }",
        "schema.graphql:1:35: type `A`, field `id`: must be non-null (`ID!`)")]
    [InlineData("type A @entity(immutable: true) { id: [ID!]! }",
        "schema.graphql:1:35: type `A`, field `id`: must not be a list")]
    [InlineData("type A { id: ID! }",
        "schema.graphql:1:6: type `A` has no @entity directive (every object type of a subgraph schema is an entity)")]
    [InlineData("type A @entity(immutable: \"yes\") { id: ID! }",
        "schema.graphql:1:16: type `A`: the `immutable` argument of @entity must be a boolean, not \"yes\"")]
    [InlineData("type A @entity(mutable: true) { id: ID! }",
        "schema.graphql:1:16: type `A`: unknown @entity argument `mutable` (expected immutable, timeseries or skipDuplicates)")]
    [InlineData("type A @entity(immutable: false, skipDuplicates: true) { id: ID! }",
        "schema.graphql:1:8: type `A`: skipDuplicates: true requires immutable: true")]
    [InlineData("type A @entity(immutable: false) { id: ID! bs: [B!]! @derivedFrom(field: \"a\") }\ntype B @entity(immutable: true) { id: ID! }",
        "schema.graphql:1:44: type `A`, field `bs`: invalid @derivedFrom: field `a` does not exist on type `B`")]
    [InlineData("type A @entity(immutable: false) { id: ID! bs: [B!]! @derivedFrom(field: \"x\") }\ntype B @entity(immutable: true) { id: ID! x: String! }",
        "schema.graphql:1:44: type `A`, field `bs`: invalid @derivedFrom: field `x` on type `B` must have one of the following types: A, A!, [A!], [A!]!")]
    [InlineData("type A @entity(immutable: false) { id: ID! bs: [B!]! @derivedFrom }\ntype B @entity(immutable: true) { id: ID! a: A! }",
        "schema.graphql:1:54: type `A`, field `bs`: invalid @derivedFrom: the directive must have a `field` argument")]
    [InlineData("type A @entity(immutable: false) { id: ID! bs: [B!]! @derivedFrom(field: a) }\ntype B @entity(immutable: true) { id: ID! a: A! }",
        "schema.graphql:1:67: type `A`, field `bs`: invalid @derivedFrom: the `field` argument must be a string, not a")]
    [InlineData("type A @entity(immutable: false) { id: ID! n: [String!]! @derivedFrom(field: \"a\") }",
        "schema.graphql:1:44: type `A`, field `n`: invalid @derivedFrom: type must be an existing entity or interface")]
    [InlineData("type A @entity(immutable: true) { id: ID! }\ntype A @entity(immutable: true) { id: ID! }",
        "schema.graphql:2:6: type `A` is defined twice (first on line 1)")]
    [InlineData("type A @entity(immutable: true) { id: ID! x: Int x: Int }",
        "schema.graphql:1:50: type `A`, field `x`: defined twice")]
    [InlineData("type A @entity(immutable: true) { id: ID! x: [[Int!]!] }",
        "schema.graphql:1:43: type `A`, field `x`: lists of lists are not supported")]
    [InlineData("type A @entity(immutable: true) { id: ID! x(first: Int): Int }",
        "schema.graphql:1:43: type `A`, field `x`: entity fields cannot have arguments")]
    [InlineData("type Query @entity(immutable: true) { id: ID! }",
        "schema.graphql:1:6: the type name `Query` is reserved (built-in or generated for the GraphQL API)")]
    [InlineData("type A @entity(immutable: true) { id: ID! }\nenum A_orderBy { id }",
        "schema.graphql:2:6: the type name `A_orderBy` is reserved (built-in or generated for the GraphQL API)")]
    [InlineData("union U = A | B",
        "schema.graphql:1:7: union `U` is not allowed in a subgraph schema (only @entity types, interfaces and enums are)")]
    [InlineData("scalar Date",
        "schema.graphql:1:8: scalar `Date` is not allowed in a subgraph schema (only @entity types, interfaces and enums are)")]
    [InlineData("enum E { A B A }",
        "schema.graphql:1:14: enum `E`: value `A` is defined twice")]
    [InlineData("type A implements I @entity(immutable: true) { id: ID! }",
        "schema.graphql:1:6: type `A` implements `I`, which is not a defined interface")]
    [InlineData("interface I { id: ID! name: String! }\ntype A implements I @entity(immutable: true) { id: ID! }",
        "schema.graphql:2:6: type `A` does not satisfy interface `I`: it lacks the fields `name: String!`")]
    [InlineData("interface I { n: Int }\ntype A implements I @entity(immutable: true) { id: ID! n: Int }\ntype B implements I @entity(immutable: true) { id: Bytes! n: Int }",
        "schema.graphql:1:11: the implementations of interface `I` use different id types (A: String, B: Bytes); they must all use the same")]
    [InlineData("type S @entity(timeseries: true) { id: Int8! value: Int! }",
        "schema.graphql:1:6: type `S`: a timeseries must have a `timestamp: Timestamp!` field")]
    [InlineData("type S @entity(timeseries: true, immutable: false) { id: Int8! timestamp: Timestamp! }",
        "schema.graphql:1:8: type `S`: a timeseries must be immutable")]
    [InlineData("type S @aggregation(intervals: [\"hour\"], source: \"T\") { id: Int8! }",
        "schema.graphql:1:6: type `S`: @aggregation types are not supported by this indexer")]
    [InlineData("type _Schema_ @fulltext(name: \"q\", language: xx, algorithm: rank, include: [{entity: \"A\", fields: [{name: \"n\"}]}])\ntype A @entity(immutable: true) { id: ID! n: String! }",
        "schema.graphql:1:15: @fulltext: language `xx` is not supported (one of: simple, da, nl, en, fi, fr, de, hu, it, no, pt, ro, ru, es, sv, tr)")]
    [InlineData("type _Schema_ @fulltext(name: \"q\", language: en, algorithm: rank, include: [{entity: \"A\", fields: [{name: \"m\"}]}])\ntype A @entity(immutable: true) { id: ID! n: String! m: Int }",
        "schema.graphql:1:100: @fulltext: included field `A.m` does not exist or is not a String")]
    [InlineData("type _Schema_ @fulltext(name: \"A\", language: en, algorithm: rank, include: [{entity: \"A\", fields: [{name: \"n\"}]}])\ntype A @entity(immutable: true) { id: ID! n: String! }",
        "schema.graphql:1:15: @fulltext name `A` is already the name of a type or another @fulltext query")]
    [InlineData("type _Schema_ { id: ID! }",
        "schema.graphql:1:6: type `_Schema_` is only for @fulltext directives and must not have fields")]
    [InlineData("type A @entity(immutable: true) { id: ID! ",
        "schema.graphql:1:43: syntax error: Expected Name, found EOF")]
    public void Invalid_schema_is_reported_with_its_location(string sdl, string message)
    {
        var e = Assert.Throws<SchemaException>(() => SubgraphSchema.Parse(sdl));
        Assert.Equal(message, e.Message);
        Assert.Equal(message, Assert.Single(e.Errors).ToString());
    }

    [Fact]
    public void Int8_ids_need_spec_version_1_1_0()
    {
        const string Sdl = "type A @entity(immutable: true) { id: Int8! }";
        Assert.Equal(IdType.Int8, SubgraphSchema.Parse(Sdl).GetEntityType("A").IdType);
        var e = Assert.Throws<SchemaException>(() => SubgraphSchema.Parse(Sdl, specVersion: new Version(1, 0, 0)));
        Assert.Equal("schema.graphql:1:35: type `A`, field `id`: Int8 ids need specVersion 1.1.0 or later (the manifest has 1.0.0)", e.Message);
    }

    [Fact]
    public void Every_problem_is_reported_with_type_and_field()
    {
        const string Sdl = """
            type A @entity(immutable: true) {
              id: ID!
              b: Bee
            }
            type C @entity(immutable: true) {
              name: String
            }
            """;
        var e = Assert.Throws<SchemaException>(() => SubgraphSchema.Parse(Sdl, "my.graphql"));
        Assert.Collection(e.Errors,
            a => Assert.Equal(("my.graphql", 3, 3, "A", "b"), (a.File, a.Line, a.Column, a.TypeName, a.FieldName)),
            c => Assert.Equal(("my.graphql", 5, 6, "C", (string?)null), (c.File, c.Line, c.Column, c.TypeName, c.FieldName)));
        Assert.Equal(
            "my.graphql:3:3: type `A`, field `b`: type `Bee` is not defined" + Environment.NewLine + "my.graphql:5:6: type `C` is missing an `id` field",
            e.Message);
    }

    [Fact]
    public void Missing_file_is_a_schema_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.graphql");
        var e = Assert.Throws<SchemaException>(() => SubgraphSchema.Load(path));
        Assert.StartsWith($"{path}: cannot read the schema: ", e.Message, StringComparison.Ordinal);
    }
}
