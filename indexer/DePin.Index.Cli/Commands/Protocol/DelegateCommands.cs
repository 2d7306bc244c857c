using System.CommandLine;
using DePin.Index.Protocol;
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

    public static object ToJson(DelegationInfo d) => new
    {
        indexer = d.Indexer.ToChecksumString(),
        delegator = d.Delegator.ToChecksumString(),
        shares = Dpi.Format(d.Shares),
        value = Dpi.Format(d.Value),
        lockedTokens = Dpi.Format(d.LockedTokens),
        lockedUntilEpoch = d.LockedUntilEpoch,
        withdrawable = Dpi.Format(d.Withdrawable),
        poolTokens = Dpi.Format(d.Pool.Tokens),
        poolShares = Dpi.Format(d.Pool.Shares),
        epoch = d.CurrentEpoch,
    };

    public static IEnumerable<(string, string)> Rows(DelegationInfo d) =>
    [
        ("indexer", d.Indexer.ToChecksumString()),
        ("delegator", d.Delegator.ToChecksumString()),
        ("shares", Dpi.Format(d.Shares)),
        ("value", Dpi.Display(d.Value)),
        ("unbonding", d.LockedTokens.IsZero ? Dpi.Display(0) : $"{Dpi.Display(d.LockedTokens)} until epoch {d.LockedUntilEpoch} (now {d.CurrentEpoch})"),
        ("indexer's pool", $"{Dpi.Display(d.Pool.Tokens)} for {Dpi.Format(d.Pool.Shares)} shares"),
    ];

    public static async Task PrintAsync(IAnsiConsole console, bool json, ProtocolClient p, DelegationInfo before, ProtocolReceipt receipt, string what,
        object result, CancellationToken ct)
    {
        var after = await p.GetDelegationAsync(before.Indexer, before.Delegator, ct);
        if (json)
        {
            Output.Json(console, new { transaction = Output.Tx(receipt), result, delegation = ToJson(after) });
            return;
        }
        Output.Sent(console, what, receipt);
        Output.Fields(console, "delegation", Rows(after));
    }

    public static Argument<string> IndexerArgument() => new("indexer") { Description = "The indexer's address." };
}
