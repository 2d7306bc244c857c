using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin token mint TO AMOUNT`: mint DPI (minters only; on the devnet, the deployer: DEPIN_PRIVATE_KEY of anvil's first account).</summary>
internal static class TokenMintCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var to = new Argument<string>("to") { Description = "The receiving address." };
        var amount = new Argument<string>("amount") { Description = "DPI to mint." };
        var cmd = o.AddTo(new Command("mint", "Mint DPI to an address (the sender must be a minter: on the devnet, the deployer).") { to, amount });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var target = Signer.ParseAddress(parse.GetValue(to)!, "to");
            var tokens = Dpi.Parse(parse.GetValue(amount)!);
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var receipt = await s.Client.Token.MintAsync(key, target, tokens, ct);
            var balance = await s.Client.Token.BalanceOfAsync(target, ct);
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new { transaction = Output.Tx(receipt), result = new { to = target.ToChecksumString(), minted = Dpi.Format(tokens), balance = Dpi.Format(balance) } });
                return 0;
            }
            Output.Sent(console, $"minted {Dpi.Display(tokens)} to {target}: balance {Dpi.Display(balance)}", receipt);
            return 0;
        }));
        return cmd;
    }
}
