using DePin.Index.Devnet;
using DePin.Index.Subgraph.Schema;

namespace DePin.Index.Store.Tests;

/// <summary>The real schemas of the repository and small ones written for one behaviour each.</summary>
internal static class TestSchemas
{
    public static string Root { get; } = RepoPaths.Find().Root;

    public static string DepinPath => Path.Combine(Root, "subgraphs", "depin", "schema.graphql");

    public static string Erc20Path => Path.Combine(Root, "tests", "fixtures", "subgraphs", "erc20", "schema.graphql");

    public static SubgraphSchema Depin() => SubgraphSchema.Load(DepinPath);

    public static SubgraphSchema Erc20() => SubgraphSchema.Load(Erc20Path);

    /// <summary>Every column kind: scalars, nullable and non-null, lists, enums and enum lists, interface and Int8-id references, fulltext.</summary>
    public const string Features = """
        type _Schema_ @fulltext(name: "bookSearch", language: en, algorithm: rank,
          include: [{ entity: "Book", fields: [{ name: "title" }, { name: "blurb" }] }])

        enum Genre { SciFi, Poetry, Crime }

        interface Item { id: ID! title: String! author: Author }

        type Book implements Item @entity(immutable: false) {
          id: ID!
          title: String!
          blurb: String
          genre: Genre!
          genres: [Genre!]!
          tags: [String!]
          pageCount: Int
          wordCount: Int8
          price: BigDecimal
          prices: [BigDecimal!]
          supply: BigInt
          supplies: [BigInt!]
          cover: Bytes
          chunks: [Bytes!]
          inPrint: Boolean!
          publishedAt: Timestamp
          author: Author
          coAuthors: [Author!]!
          related: Item
          shelf: Shelf
        }

        type Author @entity(immutable: false) {
          id: Bytes!
          name: String!
          books: [Book!]! @derivedFrom(field: "author")
          coWritten: [Book!]! @derivedFrom(field: "coAuthors")
          items: [Item!]! @derivedFrom(field: "author")
        }

        type Shelf @entity(immutable: true) {
          id: Int8!
          label: String!
          owner: Author!
          books: [Book!]! @derivedFrom(field: "shelf")
        }
        """;
}
