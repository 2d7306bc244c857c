using System.Globalization;
using System.Text;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol.Tests.Support;
using Xunit.Abstractions;

namespace DePin.Index.Protocol.Tests;

/// <summary>
/// Gas per operation from the receipts of one typical run on anvil (docs/protocol-gas.md). Prints a Markdown table;
/// with DEPIN_GAS_REPORT=path it also writes it there:
/// <c>DEPIN_GAS_REPORT=/tmp/gas.md dotnet test tests/DePin.Index.Protocol.Tests --filter GasReport</c>.
/// </summary>
public sealed class GasReportTests(ProtocolChainFixture chain, ITestOutputHelper output) : ProtocolTestBase(chain), IClassFixture<ProtocolChainFixture>
{
    private readonly List<(string Operation, string Case, long Gas)> _rows = [];

    private async Task<T> Measure<T>(string operation, string @case, Task<T> action) where T : class
    {
        var result = await action;
        var receipt = result as ProtocolReceipt ?? throw new InvalidOperationException("not a receipt");
        _rows.Add((operation, @case, receipt.GasUsed));
        return result;
    }

    [Fact]
    public async Task GasReport()
    {
        var t = P.Token;
        await Measure("ProtocolToken.mint", "to a holder", t.MintAsync(Chain.Deployer, Other.Address, Dpi(1)));
        await Measure("ProtocolToken.transfer", "to a holder", t.TransferAsync(Other, Payer1.Address, Dpi(1)));
        await Measure("ProtocolToken.approve", "new allowance", t.ApproveAsync(Other, Payer1.Address, Dpi(1)));
        await Measure("ProtocolToken.burn", "", t.BurnAsync(Other, Dpi(1)));

        var id = new DeploymentId(Hash32.Of("gas report"));
        await Measure("SubgraphRegistry.publish", "26-byte metadata", P.Registry.PublishAsync(Other, id, "{\"name\":\"depin/devices\"}"));

        await t.ApproveAsync(Indexer1, P.Staking.Address, MinStake * 3);
        await Measure("Staking.stake", "first (sets the cut)", P.Staking.StakeAsync(Indexer1, MinStake * 2, approve: false));
        await Measure("Staking.stake", "again", P.Staking.StakeAsync(Indexer1, Dpi(1000), approve: false));
        await Measure("Staking.setQueryFeeCut", "", P.Staking.SetQueryFeeCutAsync(Indexer1, 800_000));

        await t.ApproveAsync(Delegator1, P.Staking.Address, Dpi(100_000));
        await t.ApproveAsync(Delegator2, P.Staking.Address, Dpi(100_000));
        await Measure("Staking.delegate", "first in the pool", P.Staking.DelegateAsync(Delegator1, Indexer1.Address, Dpi(50_000), approve: false));
        await Measure("Staking.delegate", "second delegator", P.Staking.DelegateAsync(Delegator2, Indexer1.Address, Dpi(50_000), approve: false));

        await t.ApproveAsync(Curator1, P.Curation.Address, Dpi(10_000));
        await t.ApproveAsync(Curator2, P.Curation.Address, Dpi(10_000));
        await Measure("Curation.signal", "first in the pool", P.Curation.SignalAsync(Curator1, id, Dpi(5_000), approve: false));
        await Measure("Curation.signal", "second curator", P.Curation.SignalAsync(Curator2, id, Dpi(5_000), approve: false));

        var (allocated, allocationId) = await P.Staking.AllocateAsync(Indexer1, id, MinStake);
        _rows.Add(("Staking.allocate", "", allocated.GasUsed));

        await t.ApproveAsync(Payer1, P.Fees.Address, Dpi(10_000));
        await Measure("FeeSettlement.deposit", "first", P.Fees.DepositAsync(Payer1, Dpi(5_000), approve: false));
        await Measure("FeeSettlement.deposit", "again", P.Fees.DepositAsync(Payer1, Dpi(5_000), approve: false));
        await MineAsync(Params.QueryFeeCutCooldown);
        await Measure("FeeSettlement.redeem", "curated, delegators, first voucher", P.Fees.RedeemAsync(Indexer1,
            P.Fees.Sign(Payer1, new Voucher(Payer1.Address, Indexer1.Address, id, 1, Dpi(100)))));
        await Measure("FeeSettlement.redeem", "curated, delegators, next voucher", P.Fees.RedeemAsync(Indexer1,
            P.Fees.Sign(Payer1, new Voucher(Payer1.Address, Indexer1.Address, id, 2, Dpi(250)))));
        var bare = new DeploymentId(Hash32.Of("gas report, not curated"));
        await P.Registry.PublishAsync(Other, bare, "");
        await P.Staking.StakeAsync(Indexer2, MinStake);
        await Measure("FeeSettlement.redeem", "not curated, no delegators", P.Fees.RedeemAsync(Indexer2,
            P.Fees.Sign(Payer1, new Voucher(Payer1.Address, Indexer2.Address, bare, 1, Dpi(100)))));
        await Measure("FeeSettlement.thaw", "", P.Fees.ThawAsync(Payer1, Dpi(1_000)));

        await MineToNextEpochAsync();
        await Measure("Staking.closeAllocation", "", P.Staking.CloseAllocationAsync(Indexer1, allocationId, Hash32.Of("poi")));
        await Measure("Curation.unsignal", "part", P.Curation.UnsignalAsync(Curator1, id, Dpi(1_000)));
        await Measure("Curation.unsignal", "all of a curator's signal", P.Curation.UnsignalAsync(Curator2,
            id, await P.Curation.SignalOfAsync(id, Curator2.Address)));
        await Measure("Staking.undelegate", "", P.Staking.UndelegateAsync(Delegator1, Indexer1.Address, Dpi(10_000)));
        await Measure("Staking.unstake", "", P.Staking.UnstakeAsync(Indexer1, Dpi(1_000)));
        await Measure("SubgraphRegistry.deprecate", "", P.Registry.DeprecateAsync(Other, id));
        await MineAsync(Math.Max(Params.ThawingPeriod, Params.EscrowThawingPeriod) + Params.EpochLength * Params.DelegationUnbondingPeriod);
        await Measure("Staking.withdraw", "", P.Staking.WithdrawAsync(Indexer1));
        await Measure("Staking.withdrawDelegated", "", P.Staking.WithdrawDelegatedAsync(Delegator1, Indexer1.Address));
        await Measure("FeeSettlement.withdraw", "", P.Fees.WithdrawAsync(Payer1));

        foreach (var (op, _, gas) in _rows) Assert.True(gas is > 21_000 and < 300_000, $"{op}: {gas} gas is implausible");
        var table = new StringBuilder("| operation | case | gas used |\n|---|---|---:|\n");
        foreach (var (op, @case, gas) in _rows) table.Append(CultureInfo.InvariantCulture, $"| `{op}` | {@case} | {gas:N0} |\n");
        output.WriteLine(table.ToString());
        if (Environment.GetEnvironmentVariable("DEPIN_GAS_REPORT") is { Length: > 0 } path) await File.WriteAllTextAsync(path, table.ToString());
    }
}
