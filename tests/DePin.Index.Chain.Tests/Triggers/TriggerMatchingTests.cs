using DePin.Index.Ethereum.Primitives;
using static DePin.Index.Chain.Tests.Triggers.TestManifest;

namespace DePin.Index.Chain.Tests.Triggers;

/// <summary>Which logs become triggers: address, topic0 of the signature, topic1–3 filters, start/end blocks.</summary>
public class TriggerMatchingTests
{
    private static readonly Hash32 Transfer = Topic(Erc20Transfer);

    [Fact]
    public void Topic0_is_the_keccak_of_the_signature_without_indexed_markers()
    {
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Transfer.ToHex());
        var filter = Filter(Source("Token", A, events: [$"{Erc20Transfer} → handleTransfer"]));
        var lf = Assert.Single(filter.LogFilters(0, 10));
        Assert.Equal([Transfer], lf.Topics[0]!);
        Assert.Equal([A], lf.Addresses);
    }

    [Fact]
    public void Explicit_topic0_replaces_the_signature_hash()
    {
        var custom = Word(77);
        var filter = Filter(Source("Token", A, events: [$"{Erc20Transfer} → handleTransfer|topic0: \"{custom.ToHex()}\""]));
        Assert.Single(filter.TriggersInBlock(5, [Log(A, 5, 0, custom, Word(1), Word(2))]));
        Assert.Empty(filter.TriggersInBlock(5, [Log(A, 5, 0, Transfer, Word(1), Word(2))]));
    }

    [Fact]
    public void A_log_matches_only_its_address_and_topic0()
    {
        var filter = Filter(Source("Token", A, events: [$"{Erc20Transfer} → handleTransfer"]));
        var logs = new[]
        {
            Log(A, 7, 0, Transfer, Word(1), Word(2)),
            Log(B, 7, 1, Transfer, Word(1), Word(2)),
            Log(A, 7, 2, Topic(Approval), Word(1), Word(2)),
            Log(A, 7, 3),
            Log(A, 7, 4, Transfer, Word(3), Word(4)),
        };
        Assert.Equal(["log:Token.handleTransfer@0", "log:Token.handleTransfer@4"], Describe(filter.TriggersInBlock(7, logs)));
    }

    [Fact]
    public void An_address_less_data_source_matches_by_topic_on_any_contract()
    {
        var filter = Filter(Source("AnyToken", null, events: [$"{Erc20Transfer} → handleTransfer"]));
        var logs = new[] { Log(A, 3, 0, Transfer, Word(1), Word(2)), Log(B, 3, 1, Transfer, Word(1), Word(2)), Log(C, 3, 2, Topic(Approval), Word(1), Word(2)) };
        Assert.Equal(["log:AnyToken.handleTransfer@0", "log:AnyToken.handleTransfer@1"], Describe(filter.TriggersInBlock(3, logs)));
        var lf = Assert.Single(filter.LogFilters(0, 5));
        Assert.Empty(lf.Addresses);
        Assert.Equal([Transfer], lf.Topics[0]!);
    }

    [Theory]
    [InlineData("topic1: [\"{from}\"]", true)]
    [InlineData("topic1: [\"{other}\"]", false)]
    [InlineData("topic1: [\"{other}\", \"{from}\"]", true)]
    [InlineData("topic2: [\"{to}\"]", true)]
    [InlineData("topic1: [\"{from}\"]|topic2: [\"{other}\"]", false)]
    [InlineData("topic3: [\"{to}\"]", false)] // an ERC-20 Transfer has no topic 3: a filter on it never matches
    public void Topic_filters_select_logs_by_indexed_values(string filters, bool matches)
    {
        var from = Word(A);
        var to = Word(B);
        var yaml = filters.Replace("{from}", from.ToHex(), StringComparison.Ordinal).Replace("{to}", to.ToHex(), StringComparison.Ordinal)
            .Replace("{other}", Word(C).ToHex(), StringComparison.Ordinal);
        var filter = Filter(Source("Token", A, events: [$"{Erc20Transfer} → handleTransfer|{yaml}"]));
        var triggers = filter.TriggersInBlock(1, [Log(A, 1, 0, Transfer, from, to)]);
        Assert.Equal(matches ? 1 : 0, triggers.Count);
    }

    [Fact]
    public void Overloaded_events_go_to_the_handler_with_the_logs_number_of_indexed_parameters()
    {
        // ERC-20 and ERC-721 Transfer share topic0; graph-node keeps the handler whose event decodes the log.
        var filter = Filter(Source("Token", A, events: [$"{Erc20Transfer} → handleErc20", $"{Erc721Transfer} → handleErc721"]));
        var logs = new[] { Log(A, 2, 0, Transfer, Word(1), Word(2)), Log(A, 2, 1, Transfer, Word(1), Word(2), Word(3)) };
        Assert.Equal(["log:Token.handleErc20@0", "log:Token.handleErc721@1"], Describe(filter.TriggersInBlock(2, logs)));
    }

    [Fact]
    public void Two_handlers_for_the_same_log_is_a_deterministic_error()
    {
        var filter = Filter(Source("Token", A, events: [$"{Erc20Transfer} → handleOne", $"{Erc20Transfer} → handleTwo"]));
        var e = Assert.Throws<TriggerException>(() => filter.TriggersInBlock(9, [Log(A, 9, 4, Transfer, Word(1), Word(2))]));
        Assert.Equal("Token", e.DataSource);
        Assert.Equal(9, e.BlockNumber);
        Assert.StartsWith($"Multiple handlers defined for event `{Erc20Transfer}`, only one is supported", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(15, true)]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void Start_and_end_blocks_are_inclusive(long block, bool matches)
    {
        var filter = Filter(Source("Token", A, start: 10, end: 20, events: [$"{Erc20Transfer} → handleTransfer"]));
        Assert.Equal(matches ? 1 : 0, filter.TriggersInBlock(block, [Log(A, block, 0, Transfer, Word(1), Word(2))]).Count);
        Assert.Equal(matches ? 1 : 0, filter.LogFilters(block, block).Count);
    }

    [Fact]
    public void Removed_and_duplicate_logs_are_not_triggers()
    {
        var filter = Filter(Source("Token", A, events: [$"{Erc20Transfer} → handleTransfer"]));
        var log = Log(A, 4, 1, Transfer, Word(1), Word(2));
        var removed = Log(A, 4, 2, Transfer, Word(1), Word(2)) with { Removed = true };
        Assert.Equal(["log:Token.handleTransfer@1"], Describe(filter.TriggersInBlock(4, [log, removed, log])));
    }

    [Fact]
    public void A_log_of_another_block_is_refused()
    {
        var filter = Filter(Source("Token", A, events: [$"{Erc20Transfer} → handleTransfer"]));
        var e = Assert.Throws<ArgumentException>(() => filter.TriggersInBlock(4, [Log(A, 5, 0, Transfer)]));
        Assert.Contains("belongs to block #5, not #4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_handlers_are_refused_with_a_clear_message()
    {
        var yaml = Source("Token", A, events: [$"{Erc20Transfer} → handleTransfer"]).Replace(
            "      file: ./src/mapping.ts", "      callHandlers:\n        - function: transfer(address,uint256)\n          handler: handleCall\n      file: ./src/mapping.ts", StringComparison.Ordinal);
        var e = Assert.Throws<NotSupportedException>(() => Filter(yaml));
        Assert.Equal("data source Token: call handlers need a trace API (trace_filter), which this indexer does not use", e.Message);
    }

    [Fact]
    public void Block_handlers_with_a_call_filter_are_refused()
    {
        var e = Assert.Throws<NotSupportedException>(() => Filter(Source("Token", A, blocks: ["handleCalls|{ kind: call }"])));
        Assert.Contains("`filter: call` needs a trace API", e.Message, StringComparison.Ordinal);
    }
}
