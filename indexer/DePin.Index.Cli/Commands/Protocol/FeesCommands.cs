using System.CommandLine;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;
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

    /// <summary>A payer's escrow as FeeSettlement.escrows reports it.</summary>
    internal sealed record Escrow(Address Payer, BigInteger Balance, BigInteger Thawing, BigInteger ThawEndBlock)
    {
        public object ToJson() => new
        {
            payer = Payer.ToChecksumString(),
            balance = Dpi.Format(Balance),
            thawing = Dpi.Format(Thawing),
            thawEndBlock = ThawEndBlock,
        };

        public IEnumerable<(string, string)> Rows() =>
        [
            ("payer", Payer.ToChecksumString()),
            ("escrow", Dpi.Display(Balance)),
            ("thawing", Thawing.IsZero ? "0 DPI" : $"{Dpi.Display(Thawing)} from block {ThawEndBlock}"),
        ];
    }

    public static async Task<Escrow> ReadAsync(ProtocolSession s, Address payer, CancellationToken ct)
    {
        var r = await s.CallAsync(ProtocolAbi.Fees, s.Fees, "escrows", [payer], ct);
        return new Escrow(payer, (BigInteger)r[0], (BigInteger)r[1], (BigInteger)r[2]);
    }
}
