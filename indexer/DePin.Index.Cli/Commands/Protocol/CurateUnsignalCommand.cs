using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin curate unsignal DEPLOYMENT SHARES|all`: burn curation shares for their tokens (no tax), after showing what to expect.</summary>
internal static class CurateUnsignalCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var deployment = CurateCommands.DeploymentArgument();
        var shares = new Argument<string>("shares") { Description = "Shares to burn (18 decimals, as `curate show` prints them), or 'all'." };
        var cmd = o.AddTo(new Command("unsignal", "Withdraw signal: shows the tokens to expect, then asks unless --yes.") { deployment, shares }, confirm: true);
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var id = Args.Deployment(parse.GetValue(deployment)!);
            var text = parse.GetValue(shares)!;
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var p = s.Client;
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var before = await p.GetCurationAsync(id, key.Address, ct);
            var amount = string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase) ? before.CuratorSignal : Dpi.Parse(text, "shares");
            if (amount > before.CuratorSignal)
            {
                throw new CliException($"insufficient signal: {Dpi.Format(amount)} shares requested, {Dpi.Format(before.CuratorSignal)} held");
            }
            var expected = await p.Curation.QuoteUnsignalAsync(id, amount, ct);
            if (!parse.GetValue(o.Json))
            {
                Output.Fields(console, "unsignal to send", [
                    ("deployment", id.ToString()),
                    ("shares", Dpi.Format(amount)),
                    ("price per share", Dpi.Display(Dpi.PerShare(before.Pool.Tokens, before.Pool.Signal))),
                    ("tokens to expect", Dpi.Display(expected)),
                ]);
            }
            o.Confirm(console, parse, $"Unsignal {Dpi.Format(amount)} shares of {id}?");
            var receipt = await p.Curation.UnsignalAsync(key, id, amount, expected, ct);
            var tokens = receipt.Event("Unsignalled").Get<BigInteger>("tokens");
            await CurateCommands.PrintAsync(console, parse.GetValue(o.Json), p, before, receipt, $"unsignalled {Dpi.Format(amount)} shares: {Dpi.Display(tokens)}",
                new { shares = Dpi.Format(amount), tokens = Dpi.Format(tokens) }, ct);
            return 0;
        }));
        return cmd;
    }
}
