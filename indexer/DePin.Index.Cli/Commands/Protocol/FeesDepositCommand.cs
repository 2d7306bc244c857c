using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin fees deposit AMOUNT`: approve and deposit DPI into the payer's escrow (what its vouchers are paid from).</summary>
internal static class FeesDepositCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var amount = new Argument<string>("amount") { Description = "DPI to deposit." };
        var cmd = o.AddTo(new Command("deposit", "Deposit DPI into the sender's query-fee escrow (approves FeeSettlement first when needed).") { amount });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var tokens = Dpi.Parse(parse.GetValue(amount)!);
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            await s.EnsureAllowanceAsync(key, s.Fees, tokens, ct);
            var (_, receipt) = await s.SendAsync(key, ProtocolAbi.Fees, s.Fees, "deposit", [tokens], ct);
            var escrow = await FeesCommands.ReadAsync(s, key.Address, ct);
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new { transaction = receipt.TransactionHash.ToHex(), block = receipt.BlockNumber, gasUsed = receipt.GasUsed, deposited = Dpi.Format(tokens), escrow = escrow.ToJson() });
                return 0;
            }
            Output.Sent(console, $"deposited {Dpi.Display(tokens)}", receipt);
            Output.Fields(console, "escrow", escrow.Rows());
            return 0;
        }));
        return cmd;
    }
}
