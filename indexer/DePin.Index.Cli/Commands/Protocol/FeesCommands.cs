using System.CommandLine;
using DePin.Index.Protocol;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin fees deposit|voucher|redeem|show`: query-fee escrow, payer-signed vouchers and their redemption.</summary>
internal static class FeesCommands
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var f = new Command("fees", "Query fees: the payer's escrow, EIP-712 vouchers signed by the payer, redeemed by the indexer.");
        f.Subcommands.Add(FeesDepositCommand.Build(console, env));
        f.Subcommands.Add(FeesVoucherCommand.Build(console, env));
        f.Subcommands.Add(FeesRedeemCommand.Build(console, env));
        f.Subcommands.Add(FeesShowCommand.Build(console, env));
        return f;
    }

    public static object ToJson(EscrowInfo e) => new
    {
        payer = e.Payer.ToChecksumString(),
        balance = Dpi.Format(e.Balance),
        thawing = Dpi.Format(e.Thawing),
        thawEndBlock = e.ThawEndBlock,
    };

    public static IEnumerable<(string, string)> Rows(EscrowInfo e) =>
    [
        ("payer", e.Payer.ToChecksumString()),
        ("escrow", Dpi.Display(e.Balance)),
        ("thawing", e.Thawing.IsZero ? Dpi.Display(0) : $"{Dpi.Display(e.Thawing)} from block {e.ThawEndBlock}"),
    ];
}
