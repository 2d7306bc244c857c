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
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var receipt = await s.Client.Fees.DepositAsync(key, tokens, ct: ct);
            var escrow = await s.Client.GetEscrowAsync(key.Address, ct);
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new { transaction = Output.Tx(receipt), result = new { deposited = Dpi.Format(tokens) }, escrow = FeesCommands.ToJson(escrow) });
                return 0;
            }
            Output.Sent(console, $"deposited {Dpi.Display(tokens)}", receipt);
            Output.Fields(console, "escrow", FeesCommands.Rows(escrow));
            return 0;
        }));
        return cmd;
    }
}
