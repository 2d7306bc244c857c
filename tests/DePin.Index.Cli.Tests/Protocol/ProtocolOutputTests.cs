using System.Text.Json.Nodes;
using DePin.Index.Protocol;
using Snapshooter;
using Snapshooter.Xunit;

namespace DePin.Index.Cli.Tests.Protocol;

/// <summary>Golden outputs (tables and --json) of the protocol commands on a real anvil with the protocol deployed.</summary>
public sealed class ProtocolOutputTests(ProtocolCliChain chain) : ChainTest(chain), IClassFixture<ProtocolCliChain>
{
    [Fact]
    public async Task Indexer_stake_prints_the_transaction_and_the_indexer_as_a_table()
    {
        var run = await Depin("indexer", "indexer", "stake", "100000");
        Assert.Equal(0, run.Exit);
        Scrub.Text(run.Output).MatchSnapshot();
        Assert.Equal(TokenAmount.Tokens(100_000), (await P.GetIndexerAsync(Chain.Actors["indexer"].Address)).Staked);
    }

    [Fact]
    public async Task Indexer_stake_json()
    {
        var run = await Depin("indexer", "indexer", "stake", "150000.5", "--json");
        Assert.Equal(0, run.Exit);
        Scrub.Json(run.Output).MatchSnapshot();
    }

    [Fact]
    public async Task Curate_signal_shows_price_and_expected_shares_then_sends_with_yes()
    {
        await PublishAsync();
        var run = await Depin("curator", "curate", "signal", Subgraph.ToString(), "1000", "--yes");
        Assert.Equal(0, run.Exit);
        Scrub.Text(run.Output).MatchSnapshot();
        var quoteShown = run.Output.IndexOf("shares to expect", StringComparison.Ordinal);
        var sent = run.Output.IndexOf("signalled", StringComparison.Ordinal);
        Assert.InRange(quoteShown, 0, sent);
    }

    [Fact]
    public async Task Curate_signal_json_reports_what_was_minted_and_the_pool()
    {
        await PublishAsync();
        await P.Curation.SignalAsync(Chain.Actors["delegator"], Subgraph, TokenAmount.Tokens(500));
        var run = await Depin("curator", "curate", "signal", Subgraph.ToString(), "250", "--yes", "--json");
        Assert.Equal(0, run.Exit);
        Scrub.Json(run.Output).MatchSnapshot();
        var json = JsonNode.Parse(run.Output)!;
        var quote = (string)json["result"]!["expectedShares"]!;
        Assert.Equal(quote, (string)json["result"]!["shares"]!);
        var mine = await P.Curation.SignalOfAsync(Subgraph, Chain.Actors["curator"].Address);
        Assert.Equal(TokenAmount.Format(mine), (string)json["curation"]!["curatorSignal"]!);
    }

    [Fact]
    public async Task Indexer_status_lists_allocations_as_tables_and_json()
    {
        await PublishAsync();
        await StakeAsync(200_000);
        await P.Staking.AllocateAsync(Chain.Actors["indexer"], Subgraph, TokenAmount.Tokens(50_000));
        var table = await Depin("indexer", "indexer", "status");
        Assert.Equal(0, table.Exit);
        table.Output.MatchSnapshot(SnapshotNameExtension.Create("table"));
        var json = await Depin("payer", "indexer", "status", Chain.Address("indexer"), "--json");
        Assert.Equal(0, json.Exit);
        json.Output.MatchSnapshot(SnapshotNameExtension.Create("json"));
    }

    [Fact]
    public async Task Fees_show_and_curate_show_read_without_a_key()
    {
        await PublishAsync();
        await P.Fees.DepositAsync(Chain.Actors["payer"], TokenAmount.Tokens(42));
        var env = Commands.Protocol.CliEnvironment.With(new Dictionary<string, string>(), keystoreDir: Chain.KeystoreDir);
        var fees = await Depin(env, "fees", "show", Chain.Address("payer"), "--json");
        Assert.Equal(0, fees.Exit);
        Assert.Equal("42", (string)JsonNode.Parse(fees.Output)!["escrow"]!["balance"]!);
        var curation = await Depin(env, "curate", "show", Subgraph.ToString(), "--curator", Chain.Address("curator"));
        Assert.Equal(0, curation.Exit);
        curation.Output.MatchSnapshot();
    }
}
