using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin indexer stake|unstake|withdraw|allocate|close|set-cut|status`: an operator's stake and allocations.</summary>
internal static class IndexerCommands
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var indexer = new Command("indexer", "An indexer's stake, allocations and query-fee cut on the protocol contracts.");
        indexer.Subcommands.Add(IndexerStakeCommand.Build(console, env));
        indexer.Subcommands.Add(IndexerUnstakeCommand.Build(console, env));
        indexer.Subcommands.Add(IndexerWithdrawCommand.Build(console, env));
        indexer.Subcommands.Add(IndexerAllocateCommand.Build(console, env));
        indexer.Subcommands.Add(IndexerCloseCommand.Build(console, env));
        indexer.Subcommands.Add(IndexerSetCutCommand.Build(console, env));
        indexer.Subcommands.Add(IndexerStatusCommand.Build(console, env));
        return indexer;
    }

    public static object Json(IndexerView v) => new
    {
        indexer = v.Indexer.ToChecksumString(),
        tokenBalance = Dpi.Format(v.TokenBalance),
        staked = Dpi.Format(v.Staked),
        thawing = Dpi.Format(v.Thawing),
        thawingUntilBlock = v.ThawingUntilBlock,
        ownStake = Dpi.Format(v.OwnStake),
        allocated = Dpi.Format(v.Allocated),
        availableStake = Dpi.Format(v.AvailableStake),
        delegatedCapacity = Dpi.Format(v.DelegatedCapacity),
        delegationPoolTokens = Dpi.Format(v.DelegationPoolTokens),
        delegationPoolShares = Dpi.Format(v.DelegationPoolShares),
        queryFeeCutPpm = v.QueryFeeCut,
        pendingQueryFeeCutPpm = v.PendingQueryFeeCut,
        cutEffectiveBlock = v.CutEffectiveBlock,
        escrowBalance = Dpi.Format(v.EscrowBalance),
    };

    public static IEnumerable<(string, string)> Rows(IndexerView v) =>
    [
        ("indexer", v.Indexer.ToChecksumString()),
        ("token balance", Dpi.Display(v.TokenBalance)),
        ("staked", Dpi.Display(v.Staked)),
        ("thawing", v.Thawing.IsZero ? "0 DPI" : $"{Dpi.Display(v.Thawing)} until block {v.ThawingUntilBlock}"),
        ("own stake", Dpi.Display(v.OwnStake)),
        ("allocated", Dpi.Display(v.Allocated)),
        ("available", Dpi.Display(v.AvailableStake)),
        ("delegated capacity", Dpi.Display(v.DelegatedCapacity)),
        ("delegation pool", $"{Dpi.Display(v.DelegationPoolTokens)} ({Dpi.Format(v.DelegationPoolShares)} shares)"),
        ("query-fee cut", v.PendingQueryFeeCut == v.QueryFeeCut
            ? Dpi.Percent(v.QueryFeeCut)
            : $"{Dpi.Percent(v.QueryFeeCut)} ({Dpi.Percent(v.PendingQueryFeeCut)} from block {v.CutEffectiveBlock})"),
        ("fee escrow", Dpi.Display(v.EscrowBalance)),
    ];

    public static void Print(IAnsiConsole console, bool json, IndexerView view, Ethereum.Rpc.TransactionReceipt? receipt, string what, object? extra = null)
    {
        if (json)
        {
            Output.Json(console, new
            {
                transaction = receipt?.TransactionHash.ToHex(),
                block = receipt?.BlockNumber,
                gasUsed = receipt?.GasUsed,
                result = extra,
                indexer = Json(view),
            });
            return;
        }
        if (receipt is not null) Output.Sent(console, what, receipt);
        Output.Fields(console, "indexer", Rows(view));
    }

    public static string Ppm(long ppm) => ppm.ToString(CultureInfo.InvariantCulture);
}
