using System.Text.Json.Nodes;
using DePin.Index.Cli.Commands.Protocol;
using DePin.Index.Keystore;
using DePin.Index.Protocol;
using Spectre.Console.Testing;

namespace DePin.Index.Cli.Tests.Protocol;

/// <summary>Failures end with one plain message and a non-zero exit code, and send nothing.</summary>
public sealed class ProtocolErrorTests(ProtocolCliChain chain) : ChainTest(chain), IClassFixture<ProtocolCliChain>
{
    [Fact]
    public async Task A_first_stake_below_the_minimum_is_insufficient_stake()
    {
        var run = await Depin("indexer", "indexer", "stake", "10");
        Assert.Equal(1, run.Exit);
        Assert.Contains("insufficient stake: 100000 DPI required, 10 available", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await P.GetIndexerAsync(Chain.Actors["indexer"].Address)).Staked.Sign);
    }

    [Fact]
    public async Task Staking_more_than_the_balance_says_so()
    {
        var run = await Depin("poor", "indexer", "stake", "100000");
        Assert.Equal(1, run.Exit);
        Assert.Contains("insufficient balance", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocating_more_than_the_available_stake_is_capacity_exceeded()
    {
        await PublishAsync();
        await StakeAsync(100_000);
        var run = await Depin("indexer", "indexer", "allocate", Subgraph.ToString(), "100001");
        Assert.Equal(1, run.Exit);
        Assert.Contains("capacity exceeded: 100001 DPI requested, 100000 DPI available", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_during_the_thawing_period_is_still_thawing()
    {
        await StakeAsync(200_000);
        var unstake = await Depin("indexer", "indexer", "unstake", "50000");
        Assert.Equal(0, unstake.Exit);
        var run = await Depin("indexer", "indexer", "withdraw");
        Assert.Equal(1, run.Exit);
        Assert.Contains("still thawing until block", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signal_on_an_unpublished_deployment_names_it()
    {
        var run = await Depin("curator", "curate", "signal", Subgraph.ToString(), "10", "--yes");
        Assert.Equal(1, run.Exit);
        Assert.Contains($"deployment {Subgraph} is not published", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_yes_and_without_a_terminal_nothing_is_sent()
    {
        await PublishAsync();
        var run = await Depin("curator", "curate", "signal", Subgraph.ToString(), "10");
        Assert.Equal(2, run.Exit);
        Assert.Contains("shares to expect", run.Output, StringComparison.Ordinal);
        Assert.Contains("add --yes", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await P.Curation.GetPoolAsync(Subgraph)).Signal.Sign);
    }

    [Fact]
    public async Task Answering_no_at_the_prompt_cancels_and_yes_sends()
    {
        await PublishAsync();
        var no = new TestConsole().Interactive();
        no.Input.PushTextWithEnter("n");
        var refused = await Depin("curator", no, "curate", "signal", Subgraph.ToString(), "10");
        Assert.Equal(2, refused.Exit);
        Assert.Contains("cancelled: nothing was sent", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await P.Curation.GetPoolAsync(Subgraph)).Signal.Sign);

        var yes = new TestConsole().Interactive();
        yes.Input.PushTextWithEnter("y");
        var accepted = await Depin("curator", yes, "curate", "signal", Subgraph.ToString(), "10");
        Assert.Equal(0, accepted.Exit);
        Assert.Equal(TokenAmount.Parse("9.9"), (await P.Curation.GetPoolAsync(Subgraph)).Signal);
    }

    [Theory]
    [InlineData("Qmnotbase58", "not a deployment id")]
    [InlineData("0x1234", "not a deployment id")]
    public async Task A_malformed_deployment_id_is_named(string id, string expected)
    {
        var run = await Depin("curator", "curate", "show", id);
        Assert.Equal(1, run.Exit);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        Assert.Contains(id, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12.3.4")]
    [InlineData("-5")]
    [InlineData("1.0000000000000000001")]
    public async Task A_malformed_amount_is_named(string amount)
    {
        var run = await Depin("indexer", "indexer", "stake", amount);
        Assert.Equal(1, run.Exit);
        Assert.Contains(amount, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_devnet_the_error_says_how_to_start_one()
    {
        var run = await CliRun.RunAsync(Chain.As("indexer"), ["indexer", "status", "--dir", Path.Combine(Chain.DevnetDir, "none")]);
        Assert.Equal(1, run.Exit);
        Assert.Contains("depin devnet up", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_keystore_account_signs_with_its_passphrase_and_a_wrong_one_is_refused()
    {
        var store = new KeystoreDirectory(Path.Combine(Chain.DevnetDir, "keystore-" + Guid.NewGuid().ToString("N")));
        store.Store(Chain.Actors["curator"], "right", ScryptParameters.Light);
        await PublishAsync();
        CliEnvironment Env(string passphrase) => CliEnvironment.With(
            new Dictionary<string, string> { [CliEnvironment.Passphrase] = passphrase }, keystoreDir: store.Path);

        var wrong = await Depin(Env("wrong"), "curate", "signal", Subgraph.ToString(), "10", "--yes", "--from", "0");
        Assert.Equal(1, wrong.Exit);
        Assert.Contains("wrong passphrase", wrong.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await P.Curation.GetPoolAsync(Subgraph)).Signal.Sign);

        var right = await Depin(Env("right"), "curate", "signal", Subgraph.ToString(), "10", "--yes", "--from", Chain.Address("curator"), "--json");
        Assert.Equal(0, right.Exit);
        Assert.Equal(Chain.Address("curator"), (string)JsonNode.Parse(right.Output)!["curation"]!["curator"]!);
    }

    [Fact]
    public async Task A_voucher_is_redeemed_once_and_a_tampered_one_is_refused()
    {
        await PublishAsync();
        await StakeAsync(100_000);
        await P.Fees.DepositAsync(Chain.Actors["payer"], TokenAmount.Tokens(100));
        var file = Path.Combine(Chain.DevnetDir, Guid.NewGuid().ToString("N") + ".json");
        var voucher = await Depin("payer", "fees", "voucher", "--indexer", Chain.Address("indexer"), "--deployment", Subgraph.ToString(),
            "--value", "10", "--timestamp-ns", "1", "--out", file);
        Assert.Equal(0, voucher.Exit);

        var tampered = JsonNode.Parse(File.ReadAllText(file))!;
        tampered["valueAggregate"] = TokenAmount.Tokens(90).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tamperedFile = file + ".tampered.json";
        File.WriteAllText(tamperedFile, tampered.ToJsonString());
        var refused = await Depin("indexer", "fees", "redeem", tamperedFile);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("not by its payer", refused.Output, StringComparison.Ordinal);

        var wrongIndexer = await Depin("curator", "fees", "redeem", file);
        Assert.Equal(1, wrongIndexer.Exit);
        Assert.Contains($"redeem it with --from {Chain.Address("indexer")}", wrongIndexer.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await Depin("indexer", "fees", "redeem", file)).Exit);
        var replay = await Depin("indexer", "fees", "redeem", file);
        Assert.Equal(1, replay.Exit);
        Assert.Contains("nothing to collect", replay.Output, StringComparison.Ordinal);
        Assert.Equal(TokenAmount.Tokens(90), (await P.GetEscrowAsync(Chain.Actors["payer"].Address)).Balance);
    }

    [Fact]
    public async Task Only_a_minter_mints_and_the_devnet_deployer_is_one()
    {
        var refused = await Depin("poor", "token", "mint", Chain.Address("poor"), "5");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("is not a minter", refused.Output, StringComparison.Ordinal);
        var deployer = Commands.Protocol.CliEnvironment.With(new Dictionary<string, string>
        {
            [Commands.Protocol.CliEnvironment.PrivateKey] = Devnet.Contracts.DevnetContracts.AnvilDefaultKey,
        });
        Assert.Equal(0, (await Depin(deployer, "token", "mint", Chain.Address("poor"), "5")).Exit);
        var balance = await Depin("poor", "token", "balance", "--json");
        Assert.Equal("5", (string)JsonNode.Parse(balance.Output)!["dpi"]!);
    }

    [Fact]
    public async Task DEPIN_PRIVATE_KEY_and_a_different_from_address_conflict()
    {
        var run = await Depin("indexer", "indexer", "stake", "100000", "--from", Chain.Address("curator"));
        Assert.Equal(1, run.Exit);
        Assert.Contains("differs from the account of DEPIN_PRIVATE_KEY", run.Output, StringComparison.Ordinal);
    }
}
