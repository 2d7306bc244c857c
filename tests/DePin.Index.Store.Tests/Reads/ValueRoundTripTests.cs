using System.Numerics;
using DePin.Index.Store.Tests.Fixtures;
using DePin.Index.Subgraph.Values;
using static DePin.Index.Store.EntityModification;

namespace DePin.Index.Store.Tests.Reads;

/// <summary>Every column kind of <see cref="TestSchemas.Features"/> is written and read back exactly.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ValueRoundTripTests(PostgresFixture pg) : StoreTestBase(pg)
{
    private static readonly BigInteger Uint256Max = BigInteger.Pow(2, 256) - 1;
    private const string Author = "0xa1";

    private static Entity Book(string id, params (string, Value)[] extra)
    {
        var e = V.Entity(("id", V.S(id)), ("title", V.S("Dune")), ("genre", V.S("SciFi")), ("genres", V.List()), ("inPrint", V.Bool(true)),
            ("coAuthors", V.List()));
        foreach (var (name, value) in extra)
        {
            e.Set(name, value);
        }

        return e;
    }

    public static TheoryData<string, Value> Values() => new()
    {
        { "supply", V.Big(Uint256Max) },
        { "supply", V.Big(-Uint256Max) },
        { "supply", V.Big(BigInteger.Pow(10, 1000) + 1) },
        { "supply", V.Big(0) },
        { "supplies", V.List(V.Big(Uint256Max), Value.Null, V.Big(-1)) },
        { "price", V.Dec("1234567890123456789012345678901234") },
        { "price", V.Dec("-0.1234567890123456789012345678901234") },
        { "price", V.Dec("1.5e6144") },
        { "price", V.Dec("-7e-6143") },
        { "price", V.Dec("123456789012345678901234567890.1234") },
        { "price", V.Dec("0.0001") },
        { "price", V.Dec("10000") },
        { "price", V.Dec("0") },
        { "prices", V.List(V.Dec("1.5"), Value.Null, V.Dec("-2e-40"), V.Dec("9999999999999999999999999999999999e100")) },
        { "prices", V.List() },
        { "pageCount", V.I(int.MinValue) },
        { "wordCount", V.I8(long.MaxValue) },
        { "publishedAt", V.Ts(1_700_000_000_123_456) },
        { "publishedAt", V.Ts(-62_135_596_800_000_000) },
        { "cover", V.B("0x") },
        { "cover", V.B("0x00ff10") },
        { "chunks", V.List(V.B("0x01"), Value.Null, V.B("0x")) },
        { "tags", V.List(V.S("ünïcödé ✓"), V.S(""), Value.Null) },
        { "genres", V.List(V.S("Poetry"), V.S("Crime")) },
        { "blurb", V.S(new string('x', 5000)) },
        { "author", V.B(Author) },
        { "coAuthors", V.List(V.B("0xa1"), V.B("0xa2")) },
        { "related", V.S("book-2") },
        { "shelf", V.I8(-5) },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Values_read_back_exactly(string field, Value value)
    {
        var d = await NewDeploymentAsync(TestSchemas.Features);
        var book = Book("b1", (field, value));
        await d.WriteAsync(Batch(1, Insert("Book", "b1", book, 1)));
        var read = await d.GetAsync("Book", "b1");
        Assert.Equal(book, read);
        Assert.Equal(value, read![field]);
    }

    [Fact]
    public async Task Null_fields_are_absent_when_read_and_ids_of_every_kind_work()
    {
        var d = await NewDeploymentAsync(TestSchemas.Features);
        var withNulls = Book("b1", ("blurb", Value.Null), ("price", Value.Null));
        var shelf = V.Entity(("id", V.I8(-42)), ("label", V.S("top")), ("owner", V.B(Author)));
        var author = V.Entity(("id", V.B("0xA1")), ("name", V.S("Frank")));
        await d.WriteAsync(Batch(1, Insert("Book", "b1", withNulls, 1), Insert("Shelf", "-42", shelf, 1), Insert("Author", "A1", author, 1)));
        Assert.Equal(Book("b1"), await d.GetAsync("Book", "b1"));
        Assert.Equal(shelf, await d.GetAsync("Shelf", "-42"));
        Assert.Equal(author, await d.GetAsync("Author", "0xa1"));
        Assert.Equal(["0xa1"], (await d.GetManyAsync("Author", ["a1", "0XA1"])).Keys);
        Assert.Equal(["-42"], (await d.GetManyAsync("Shelf", ["-42"])).Keys);
    }

    [Fact]
    public async Task The_fulltext_column_is_computed_by_the_database()
    {
        var d = await NewDeploymentAsync(TestSchemas.Features);
        await d.WriteAsync(Batch(1, Insert("Book", "b1", Book("b1", ("blurb", V.S("Spice must flow on Arrakis"))), 1)));
        var table = d.Layout.GetTable("Book").QualifiedName;
        Assert.Equal(1, await Pg.ScalarAsync<int>($"select count(*) from {table} where book_search @@ to_tsquery('english', 'arrakis & dune')"));
        Assert.Equal(0, await Pg.ScalarAsync<int>($"select count(*) from {table} where book_search @@ to_tsquery('english', 'melange')"));
    }

    [Fact]
    public async Task Skip_duplicates_types_keep_the_first_insert()
    {
        const string schema = """
            type Ping @entity(immutable: true, skipDuplicates: true) { id: ID! n: Int! }
            """;
        var d = await NewDeploymentAsync(schema);
        var first = await d.WriteAsync(Batch(2, Insert("Ping", "a", V.Entity(("id", V.S("a")), ("n", V.I(1))), 1),
            Insert("Ping", "a", V.Entity(("id", V.S("a")), ("n", V.I(2))), 2)));
        Assert.Equal(1, first.RowsInserted);
        var again = await d.WriteAsync(Batch(3, Insert("Ping", "a", V.Entity(("id", V.S("a")), ("n", V.I(3))), 3),
            Insert("Ping", "b", V.Entity(("id", V.S("b")), ("n", V.I(4))), 3)));
        Assert.Equal(new WriteResult(1, 0, 1), again);
        Assert.Equal(V.I(1), (await d.GetAsync("Ping", "a"))!["n"]);
        Assert.Equal(2, (await d.GetStatusAsync()).EntityCount);
    }
}
