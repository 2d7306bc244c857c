using System.CommandLine;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin delegate add|remove|withdraw|list`: lend stake to indexers and share their query fees.</summary>
internal static class DelegateCommands
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var d = new Command("delegate", "Delegate DPI to indexers (capacity for their allocations, a share of their query fees).");
        d.Subcommands.Add(DelegateAddCommand.Build(console, env));
        d.Subcommands.Add(DelegateRemoveCommand.Build(console, env));
        d.Subcommands.Add(DelegateWithdrawCommand.Build(console, env));
        d.Subcommands.Add(DelegateListCommand.Build(console, env));
        return d;
    }

    /// <summary>A delegator's position with one indexer, as the Staking contract reports it.</summary>
    internal sealed record Position(Address Indexer, Address Delegator, BigInteger Shares, BigInteger Value, BigInteger LockedTokens,
        BigInteger LockedUntilEpoch, BigInteger PoolTokens, BigInteger PoolShares)
    {
        public object ToJson() => new
        {
            indexer = Indexer.ToChecksumString(),
            delegator = Delegator.ToChecksumString(),
            shares = Dpi.Format(Shares),
            value = Dpi.Format(Value),
            lockedTokens = Dpi.Format(LockedTokens),
            lockedUntilEpoch = LockedUntilEpoch,
            poolTokens = Dpi.Format(PoolTokens),
            poolShares = Dpi.Format(PoolShares),
        };

        public IEnumerable<(string, string)> Rows() =>
        [
            ("indexer", Indexer.ToChecksumString()),
            ("delegator", Delegator.ToChecksumString()),
            ("shares", Dpi.Format(Shares)),
            ("value", Dpi.Display(Value)),
            ("unbonding", LockedTokens.IsZero ? "0 DPI" : $"{Dpi.Display(LockedTokens)} until epoch {LockedUntilEpoch}"),
            ("indexer's pool", $"{Dpi.Display(PoolTokens)} ({Dpi.Format(PoolShares)} shares)"),
        ];
    }

    public static async Task<Position> ReadAsync(ProtocolSession s, Address indexer, Address delegator, CancellationToken ct)
    {
        var delegation = s.CallAsync(ProtocolAbi.Staking, s.Staking, "delegations", [indexer, delegator], ct);
        var pool = s.CallAsync(ProtocolAbi.Staking, s.Staking, "delegationPools", [indexer], ct);
        await Task.WhenAll(delegation, pool);
        var shares = (BigInteger)delegation.Result[0];
        var poolTokens = (BigInteger)pool.Result[0];
        var poolShares = (BigInteger)pool.Result[1];
        var value = poolShares.IsZero ? BigInteger.Zero : shares * poolTokens / poolShares;
        return new Position(indexer, delegator, shares, value, (BigInteger)delegation.Result[1], (BigInteger)delegation.Result[2], poolTokens, poolShares);
    }

    public static void Print(IAnsiConsole console, bool json, Position position, Ethereum.Rpc.TransactionReceipt receipt, string what, object result)
    {
        if (json)
        {
            Output.Json(console, new { transaction = receipt.TransactionHash.ToHex(), block = receipt.BlockNumber, gasUsed = receipt.GasUsed, result, delegation = position.ToJson() });
            return;
        }
        Output.Sent(console, what, receipt);
        Output.Fields(console, "delegation", position.Rows());
    }

    public static Argument<string> IndexerArgument() => new("indexer") { Description = "The indexer's address." };
}
