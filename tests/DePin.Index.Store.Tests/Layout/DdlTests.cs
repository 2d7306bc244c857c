using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Schema;
using Snapshooter.Xunit;

namespace DePin.Index.Store.Tests.Layout;

/// <summary>Golden DDL: the generated SQL is compared with the reviewed files under __snapshots__.</summary>
public sealed class DdlTests
{
    [Fact]
    public void Depin_schema_ddl() => Snapshot.Match(DdlGenerator.CreateSchema(RelationalLayout.Create(TestSchemas.Depin(), "sgd1")));

    [Fact]
    public void Erc20_schema_ddl() => Snapshot.Match(DdlGenerator.CreateSchema(RelationalLayout.Create(TestSchemas.Erc20(), "sgd2")));

    [Fact]
    public void Every_column_kind_ddl() =>
        Snapshot.Match(DdlGenerator.CreateSchema(RelationalLayout.Create(SubgraphSchema.Parse(TestSchemas.Features), "sgd3")));

    [Fact]
    public void Postponed_attribute_indexes_and_no_exclusion_constraint()
    {
        var layout = RelationalLayout.Create(TestSchemas.Depin(), "sgd4");
        var options = new DdlOptions { PostponeAttributeIndexes = true, VersionCheck = VersionCheck.GistIndex };
        var ddl = DdlGenerator.CreateSchema(layout, options);
        var postponed = DdlGenerator.PostponedIndexes(layout, options);
        Snapshot.Match(ddl + "\n-- postponed:\n" + string.Join(";\n", postponed) + ";\n");
    }

    [Fact]
    public void Bulk_sync_ddl()
    {
        var layout = RelationalLayout.Create(TestSchemas.Erc20(), "sgd6");
        Snapshot.Match(DdlGenerator.CreateSchema(layout, DdlOptions.BulkSync) + "\n-- postponed:\n" +
            string.Join(";\n", DdlGenerator.PostponedIndexes(layout, DdlOptions.BulkSync)) + ";\n");
    }

    [Fact]
    public void Every_index_is_created_now_or_postponed_exactly_once()
    {
        var layout = RelationalLayout.Create(TestSchemas.Depin(), "sgd5");
        var all = DdlGenerator.CreateSchema(layout);
        var options = new DdlOptions { PostponeAttributeIndexes = true };
        var now = DdlGenerator.CreateSchema(layout, options);
        var later = DdlGenerator.PostponedIndexes(layout, options);
        var allNames = IndexNames(all);
        var split = IndexNames(now).Concat(later.Select(s => s.Split(' ')[6])).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(allNames.Order(StringComparer.Ordinal), split);
        Assert.NotEmpty(later);
        Assert.All(later, s => Assert.StartsWith("create index concurrently if not exists attr_", s, StringComparison.Ordinal));
        Assert.Empty(DdlGenerator.PostponedIndexes(layout, DdlOptions.Default));
    }

    private static string[] IndexNames(string ddl) =>
        ddl.Split('\n').Where(l => l.StartsWith("create index ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToArray();
}
