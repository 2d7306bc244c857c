using DePin.Index.Ethereum.Primitives;
using static DePin.Index.Chain.Tests.Triggers.TestManifest;

namespace DePin.Index.Chain.Tests.Triggers;

/// <summary>
/// Order within a block as graph-node runs it (trigger.rs Ord, then hosts in data source order): once-handlers,
/// logs by log index (each log: matching data sources in order), then every-block and polling handlers.
/// </summary>
public class TriggerOrderTests
{
    private static readonly Hash32 Transfer = Topic(Erc20Transfer);
    private static readonly Hash32 Approve = Topic(Approval);

    [Fact]
    public void Logs_run_in_log_index_order_whatever_order_they_arrive_in()
    {
        var filter = Filter(
            Source("TokenA", A, events: [$"{Erc20Transfer} → onA"]) +
            Source("TokenB", B, events: [$"{Erc20Transfer} → onB"]));
        var logs = new[]
        {
            Log(B, 1, 5, Transfer, Word(1), Word(2)),
            Log(A, 1, 2, Transfer, Word(1), Word(2)),
            Log(B, 1, 0, Transfer, Word(1), Word(2)),
            Log(A, 1, 9, Transfer, Word(1), Word(2)),
        };
        Assert.Equal(["log:TokenB.onB@0", "log:TokenA.onA@2", "log:TokenB.onB@5", "log:TokenA.onA@9"], Describe(filter.TriggersInBlock(1, logs)));
    }

    [Fact]
    public void One_log_runs_every_matching_data_source_in_manifest_order()
    {
        // Two data sources on the same contract, and one on any address declared between them.
        var filter = Filter(
            Source("First", A, events: [$"{Erc20Transfer} → first"]) +
            Source("Wildcard", null, events: [$"{Erc20Transfer} → wild"]) +
            Source("Second", A, events: [$"{Erc20Transfer} → second", $"{Approval} → approve"]));
        var logs = new[] { Log(A, 3, 1, Approve, Word(1), Word(2)), Log(A, 3, 0, Transfer, Word(1), Word(2)) };
        Assert.Equal(
            ["log:First.first@0", "log:Wildcard.wild@0", "log:Second.second@0", "log:Second.approve@1"],
            Describe(filter.TriggersInBlock(3, logs)));
    }

    [Fact]
    public void Once_handlers_come_first_and_every_block_handlers_last()
    {
        var filter = Filter(
            Source("Ticker", A, start: 10, events: [$"{Erc20Transfer} → onTransfer"], blocks: ["everyBlock"]) +
            Source("Init", B, start: 10, events: [$"{Erc20Transfer} → onInitTransfer"], blocks: ["init|{ kind: once }"]));
        var logs = new[] { Log(B, 10, 1, Transfer, Word(1), Word(2)), Log(A, 10, 0, Transfer, Word(1), Word(2)) };
        Assert.Equal(
            ["start:Init.init", "log:Ticker.onTransfer@0", "log:Init.onInitTransfer@1", "end:Ticker.everyBlock"],
            Describe(filter.TriggersInBlock(10, logs)));
        // After the start block the once-handler is gone; the every-block handler stays.
        Assert.Equal(["end:Ticker.everyBlock"], Describe(filter.TriggersInBlock(11, [])));
        Assert.Empty(filter.TriggersInBlock(9, []));
    }

    [Fact]
    public void Polling_handlers_run_every_n_blocks_from_the_start_block()
    {
        var filter = Filter(Source("Poller", A, start: 10, end: 30, blocks: ["poll|{ kind: polling, every: 7 }"]));
        Assert.Equal([10L, 17, 24], filter.BlockTriggerBlocks(0, 100));
        Assert.Equal([17L, 24], filter.BlockTriggerBlocks(11, 24));
        Assert.Empty(filter.BlockTriggerBlocks(18, 23));
        Assert.Equal(["end:Poller.poll"], Describe(filter.TriggersInBlock(17, [])));
        Assert.Empty(filter.TriggersInBlock(18, []));
        Assert.Empty(filter.TriggersInBlock(31, []));
    }

    [Fact]
    public void At_the_start_block_once_runs_first_and_polling_last()
    {
        // graph-node: Start trigger (once) before the logs, End trigger (polling, due at the start block) after them.
        var filter = Filter(Source("Both", A, start: 4, events: [$"{Erc20Transfer} → onTransfer"],
            blocks: ["init|{ kind: once }", "poll|{ kind: polling, every: 3 }"]));
        Assert.Equal(["start:Both.init", "log:Both.onTransfer@0", "end:Both.poll"],
            Describe(filter.TriggersInBlock(4, [Log(A, 4, 0, Transfer, Word(1), Word(2))])));
        Assert.Equal(["log:Both.onTransfer@0"], Describe(filter.TriggersInBlock(5, [Log(A, 5, 0, Transfer, Word(1), Word(2))])));
        Assert.Equal(["end:Both.poll"], Describe(filter.TriggersInBlock(7, [])));
        Assert.Equal([4L, 7, 10], filter.BlockTriggerBlocks(0, 11));
    }

    [Fact]
    public void Every_block_and_once_handlers_name_their_blocks()
    {
        var filter = Filter(
            Source("Every", A, start: 5, end: 8, blocks: ["tick"]) +
            Source("Once", B, start: 12, blocks: ["init|{ kind: once }"]));
        Assert.Equal([5L, 6, 7, 8, 12], filter.BlockTriggerBlocks(0, 20));
        Assert.True(filter.HasEveryBlockHandlerIn(0, 5));
        Assert.False(filter.HasEveryBlockHandlerIn(9, 20));
    }
}
