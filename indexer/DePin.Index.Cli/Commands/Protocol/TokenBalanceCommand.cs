using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin token balance [ADDRESS]`: DPI and ETH balances.</summary>
internal static class TokenBalanceCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var address = new Argument<string?>("address") { Description = "The account (default: the --from account).", Arity = ArgumentArity.ZeroOrOne };
        var cmd = o.AddTo(new Command("balance", "Show an account's DPI and ETH balances.") { address });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var who = Signer.AddressOf(env, parse.GetValue(address), parse.GetValue(o.From));
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var dpi = await s.Client.Token.BalanceOfAsync(who, ct);
            var eth = await s.Client.Rpc.GetBalanceAsync(who, cancellationToken: ct);
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new { address = who.ToChecksumString(), dpi = Dpi.Format(dpi), ethWei = eth });
                return 0;
            }
            Output.Fields(console, "balance", [("address", who.ToChecksumString()), ("DPI", Dpi.Display(dpi)), ("ETH", Dpi.Display(eth).Replace("DPI", "ETH", StringComparison.Ordinal))]);
            return 0;
        }));
        return cmd;
    }
}
