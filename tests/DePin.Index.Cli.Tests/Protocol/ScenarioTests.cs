using System.Numerics;
using System.Text.Json.Nodes;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Protocol;

namespace DePin.Index.Cli.Tests.Protocol;

/// <summary>
/// The flow through the command line only: an operator stakes, publishes and allocates, a curator signals
/// (--yes), a delegator delegates, a payer deposits and signs a voucher, the indexer redeems it; then every balance the
/// commands print equals the contracts' own getters, and the split equals the formula.
/// </summary>
public sealed class ScenarioTests(ProtocolCliChain chain) : ChainTest(chain), IClassFixture<ProtocolCliChain>
{
    [Fact]
    public async Task Stake_allocate_signal_delegate_deposit_voucher_redeem_then_status_matches_the_contracts()
    {
        var indexer = Chain.Actors["indexer"].Address;
        var id = Subgraph.ToString();
        async Task<JsonNode> Ok(string actor, params string[] args)
        {
            var run = await Depin(actor, [.. args, "--json"]);
            Assert.True(run.Exit == 0, $"depin {string.Join(' ', args)} failed: {run.All}");
            return JsonNode.Parse(run.Output)!;
        }

        await Ok("indexer", "indexer", "stake", "200000");
        await Ok("indexer", "subgraph", "publish", id, "--name", "depin", "--network", "devnet");
        var allocation = await Ok("indexer", "indexer", "allocate", id, "50000");
        await Ok("indexer", "indexer", "set-cut", "80");
        var signal = await Ok("curator", "curate", "signal", id, "1000", "--yes");
        var delegation = await Ok("delegator", "delegate", "add", Chain.Address("indexer"), "20000", "--yes");
        await Ok("payer", "fees", "deposit", "500");
        await P.Rpc.MineAsync(ProtocolParameters.Devnet.QueryFeeCutCooldown); // the new cut applies after the cooldown

        var voucherRun = await Depin("payer", "fees", "voucher", "--indexer", Chain.Address("indexer"), "--deployment", id, "--value", "123.456");
        Assert.Equal(0, voucherRun.Exit);
        var voucherFile = Path.Combine(Chain.DevnetDir, "scenario-voucher.json");
        await File.WriteAllTextAsync(voucherFile, voucherRun.Output);
        var redeemed = await Ok("indexer", "fees", "redeem", voucherFile);
        var status = await Ok("payer", "indexer", "status", Chain.Address("indexer"));

        // What the commands printed is what the contracts hold.
        var info = await P.GetIndexerAsync(indexer);
        var s = status["status"]!;
        Assert.Equal(TokenAmount.Format(info.Staked), (string)s["staked"]!);
        Assert.Equal(TokenAmount.Format(info.OwnStake), (string)s["ownStake"]!);
        Assert.Equal(TokenAmount.Format(info.Allocated), (string)s["allocated"]!);
        Assert.Equal(TokenAmount.Format(info.AvailableStake), (string)s["availableStake"]!);
        Assert.Equal(TokenAmount.Format(info.DelegatedCapacity), (string)s["delegatedCapacity"]!);
        Assert.Equal(TokenAmount.Format(info.DelegatedTokens), (string)s["delegationPoolTokens"]!);
        Assert.Equal(TokenAmount.Format(info.DelegationShares), (string)s["delegationPoolShares"]!);
        Assert.Equal(info.QueryFeeCut, (long)s["queryFeeCutPpm"]!);
        Assert.Equal(TokenAmount.Format(await P.Token.BalanceOfAsync(indexer)), (string)s["tokenBalance"]!);
        var allocations = status["allocations"]!.AsArray();
        var only = Assert.Single(allocations)!;
        Assert.Equal((long)allocation["result"]!["allocationId"]!, (long)only["id"]!);
        Assert.Equal(id, (string)only["deployment"]!);
        Assert.Equal("50000", (string)only["tokens"]!);

        // Each step's own numbers against the contracts.
        Assert.Equal(TokenAmount.Format(await P.Curation.SignalOfAsync(Subgraph, Chain.Actors["curator"].Address)), (string)signal["result"]!["shares"]!);
        var d = await P.GetDelegationAsync(indexer, Chain.Actors["delegator"].Address);
        Assert.Equal(TokenAmount.Format(d.Shares), (string)delegation["result"]!["shares"]!);
        var delegations = await Ok("delegator", "delegate", "list");
        Assert.Equal(TokenAmount.Format(d.Value), (string)delegations["delegations"]![0]!["value"]!);
        var escrow = await Ok("payer", "fees", "show", "--indexer", Chain.Address("indexer"), "--deployment", id);
        Assert.Equal(TokenAmount.Format((await P.GetEscrowAsync(Chain.Actors["payer"].Address)).Balance), (string)escrow["escrow"]!["balance"]!);
        Assert.Equal("123.456", (string)escrow["collected"]!);
        var curation = await Ok("curator", "curate", "show", id);
        var pool = await P.Curation.GetPoolAsync(Subgraph);
        Assert.Equal(TokenAmount.Format(pool.Tokens), (string)curation["poolTokens"]!);

        // The split is the formula of docs/protocol-spec.md with the parameters in force.
        var r = redeemed["result"]!;
        var expected = FeeSplit.Compute(TokenAmount.Parse("123.456"), ProtocolParameters.Devnet.ProtocolPercentage,
            ProtocolParameters.Devnet.CurationPercentage, curated: true, queryFeeCut: 800_000, hasDelegators: true);
        Assert.Equal(TokenAmount.Format(expected.ProtocolTax), (string)r["protocolTax"]!);
        Assert.Equal(TokenAmount.Format(expected.CurationFees), (string)r["curationFees"]!);
        Assert.Equal(TokenAmount.Format(expected.IndexerFees), (string)r["indexerFees"]!);
        Assert.Equal(TokenAmount.Format(expected.DelegatorFees), (string)r["delegatorFees"]!);
        Assert.Equal(TokenAmount.Tokens(1_000_000) - TokenAmount.Tokens(200_000) + expected.IndexerFees, await P.Token.BalanceOfAsync(indexer));
        Assert.Equal(TokenAmount.Parse("20000") - TokenAmount.Parse("100") + expected.DelegatorFees, d.Pool.Tokens); // 0.5 % delegation tax
        Assert.Equal(TokenAmount.Parse("990") + expected.CurationFees, pool.Tokens); // 1 % curation tax
        Assert.True(BigInteger.Zero < expected.DelegatorFees);
    }
}
