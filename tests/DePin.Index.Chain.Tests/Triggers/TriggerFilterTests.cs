using DePin.Index.Chain.Internal;
using DePin.Index.Ethereum.Primitives;
using static DePin.Index.Chain.Tests.Triggers.TestManifest;

namespace DePin.Index.Chain.Tests.Triggers;

/// <summary>eth_getLogs queries of a range, dynamic data sources, and the signature helpers.</summary>
public class TriggerFilterTests
{
    private static readonly Hash32 Transfer = Topic(Erc20Transfer);
    private static readonly Hash32 Approve = Topic(Approval);

    [Fact]
    public void Log_filters_cover_the_active_data_sources_of_the_range()
    {
        var filter = Filter(
            Source("Early", A, start: 0, end: 99, events: [$"{Erc20Transfer} → t"]) +
            Source("Late", B, start: 200, events: [$"{Approval} → a"]) +
            Source("Blocks", C, start: 0, blocks: ["tick"]) +
            Source("Any", null, start: 150, events: [$"{Approval} → any"]));

        var early = Assert.Single(filter.LogFilters(0, 120));
        Assert.Equal([A], early.Addresses);
        Assert.Equal([Transfer], early.Topics[0]!);
        Assert.Equal(0, early.FromBlock.Number);
        Assert.Equal(120, early.ToBlock.Number);

        Assert.Empty(filter.LogFilters(100, 149));

        var late = filter.LogFilters(150, 300);
        Assert.Equal(2, late.Count);
        Assert.Equal([B], late[0].Addresses);
        Assert.Equal([Approve], late[0].Topics[0]!);
        Assert.Empty(late[1].Addresses);
        Assert.Equal([Approve], late[1].Topics[0]!);
    }

    [Fact]
    public void Many_addresses_are_split_over_several_queries()
    {
        var template = Parse(Source("Seed", A, events: [$"{Erc20Transfer} → t"]), Source("Pair", null, events: [$"{Approval} → a"], template: true)).Templates[0];
        var filter = Filter(Source("Seed", A, events: [$"{Erc20Transfer} → t"]))
            .Add(Enumerable.Range(1, 25).Select(i => DataSourceInstance.FromTemplate(template, new Address(Word(i).ToArray().AsSpan(12)), 5)));
        var queries = filter.LogFilters(10, 20, maxAddresses: 10);
        Assert.Equal([10, 10, 6], queries.Select(q => q.Addresses.Count));
        Assert.Equal(26, queries.SelectMany(q => q.Addresses).Distinct().Count());
        Assert.All(queries, q => Assert.Equal(new[] { Transfer, Approve }.OrderBy(t => t.ToHex(), StringComparer.Ordinal), q.Topics[0]!));
    }

    [Fact]
    public void Dynamic_data_sources_start_at_their_creation_block_and_match_after_the_static_ones()
    {
        var manifest = Parse(
            Source("Factory", A, events: [$"{Erc20Transfer} → onFactory"]),
            Source("Pair", null, events: [$"{Erc20Transfer} → onPair"], blocks: ["pairInit|{ kind: once }"], template: true));
        var pair = DataSourceInstance.FromTemplate(manifest.Templates[0], A, creationBlock: 50);
        var filter = new TriggerFilter(DataSourceInstance.FromManifest(manifest)).Add([pair]);

        Assert.True(pair.IsDynamic);
        Assert.Equal(50, pair.StartBlock);
        Assert.Equal(["log:Factory.onFactory@0"], Describe(filter.TriggersInBlock(49, [Log(A, 49, 0, Transfer, Word(1), Word(2))])));
        Assert.Equal(["start:Pair.pairInit", "log:Factory.onFactory@0", "log:Pair.onPair@0"],
            Describe(filter.TriggersInBlock(50, [Log(A, 50, 0, Transfer, Word(1), Word(2))])));

        var reverted = filter.RemoveCreatedAfter(49);
        Assert.Equal(["Factory"], reverted.DataSources.Select(d => d.Name));
        Assert.Same(filter, filter.RemoveCreatedAfter(50));
    }

    [Fact]
    public void First_and_last_blocks_bound_the_work()
    {
        var bounded = Filter(Source("X", A, start: 7, end: 70, events: [$"{Erc20Transfer} → t"]) + Source("Y", B, start: 3, end: 30, events: [$"{Erc20Transfer} → t"]));
        Assert.Equal(3, bounded.FirstBlock);
        Assert.Equal(70, bounded.LastBlock);
        var open = Filter(Source("X", A, start: 7, events: [$"{Erc20Transfer} → t"]));
        Assert.Null(open.LastBlock);
        Assert.Null(new TriggerFilter([]).FirstBlock);
    }

    [Fact]
    public void A_template_cannot_be_used_as_a_static_data_source_and_vice_versa()
    {
        var manifest = Parse(Source("Factory", A, events: [$"{Erc20Transfer} → f"]), Source("Pair", null, events: [$"{Erc20Transfer} → p"], template: true));
        Assert.Throws<ArgumentException>(() => DataSourceInstance.FromManifest(manifest.Templates[0]));
        Assert.Throws<ArgumentException>(() => DataSourceInstance.FromTemplate(manifest.DataSources[0], A, 1));
    }

    [Theory]
    [InlineData("Transfer(indexed address,indexed address,uint256)", 3)]
    [InlineData("Transfer(indexed address,indexed address,indexed uint256)", 4)]
    [InlineData("Swap(indexed address,(uint256,address),indexed bytes32,uint256[])", 3)]
    [InlineData("Nested(indexed (uint256,(address,bool)),uint8)", 2)]
    [InlineData("Transfer(address,address,uint256)", null)]
    public void The_topic_count_comes_from_the_indexed_markers(string signature, int? expected) =>
        Assert.Equal(expected, EventSignature.TopicCount(signature));
}
