using System.CommandLine;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol;
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

    /// <summary>What `indexer status` and every indexer transaction print: the Staking getters, the token balance and the fee escrow.</summary>
    internal sealed record Status(IndexerInfo Info, BigInteger TokenBalance, EscrowInfo Escrow)
    {
        public static async Task<Status> ReadAsync(ProtocolClient p, Address indexer, CancellationToken ct) =>
            new(await p.GetIndexerAsync(indexer, ct), await p.Token.BalanceOfAsync(indexer, ct), await p.GetEscrowAsync(indexer, ct));

        public object ToJson() => new
        {
            indexer = Info.Indexer.ToChecksumString(),
            tokenBalance = Dpi.Format(TokenBalance),
            staked = Dpi.Format(Info.Staked),
            thawing = Dpi.Format(Info.Thawing),
            thawingUntilBlock = Info.ThawingUntilBlock,
            ownStake = Dpi.Format(Info.OwnStake),
            allocated = Dpi.Format(Info.Allocated),
            availableStake = Dpi.Format(Info.AvailableStake),
            delegatedCapacity = Dpi.Format(Info.DelegatedCapacity),
            delegationPoolTokens = Dpi.Format(Info.DelegatedTokens),
            delegationPoolShares = Dpi.Format(Info.DelegationShares),
            queryFeeCutPpm = Info.QueryFeeCut,
            pendingQueryFeeCutPpm = Info.PendingQueryFeeCut,
            cutEffectiveBlock = Info.CutEffectiveBlock,
            escrowBalance = Dpi.Format(Escrow.Balance),
            block = Info.CurrentBlock,
        };

        public IEnumerable<(string, string)> Rows() =>
        [
            ("indexer", Info.Indexer.ToChecksumString()),
            ("token balance", Dpi.Display(TokenBalance)),
            ("staked", Dpi.Display(Info.Staked)),
            ("thawing", Info.Thawing.IsZero ? Dpi.Display(0) : $"{Dpi.Display(Info.Thawing)} until block {Info.ThawingUntilBlock}"),
            ("own stake", Dpi.Display(Info.OwnStake)),
            ("allocated", Dpi.Display(Info.Allocated)),
            ("available", Dpi.Display(Info.AvailableStake)),
            ("delegated capacity", Dpi.Display(Info.DelegatedCapacity)),
            ("delegation pool", $"{Dpi.Display(Info.DelegatedTokens)} for {Dpi.Format(Info.DelegationShares)} shares"),
            ("query-fee cut", Info.CutChangePending
                ? $"{Dpi.Percent(Info.QueryFeeCut)} ({Dpi.Percent(Info.PendingQueryFeeCut)} from block {Info.CutEffectiveBlock})"
                : Dpi.Percent(Info.QueryFeeCut)),
            ("fee escrow", Dpi.Display(Escrow.Balance)),
        ];
    }

    /// <summary>Prints a transaction's result and the indexer's state after it.</summary>
    public static async Task PrintAsync(IAnsiConsole console, bool json, ProtocolClient p, Address indexer, ProtocolReceipt receipt, string what,
        object result, CancellationToken ct)
    {
        var status = await Status.ReadAsync(p, indexer, ct);
        if (json)
        {
            Output.Json(console, new { transaction = Output.Tx(receipt), result, status = status.ToJson() });
            return;
        }
        Output.Sent(console, what, receipt);
        Output.Fields(console, "indexer", status.Rows());
    }
}
