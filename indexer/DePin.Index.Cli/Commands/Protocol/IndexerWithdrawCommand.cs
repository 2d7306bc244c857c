using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin indexer withdraw`: take back the thawed stake once the thawing period is over.</summary>
internal static class IndexerWithdrawCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var cmd = o.AddTo(new Command("withdraw", "Withdraw all thawed stake (after the thawing period)."));
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var (outputs, receipt) = await s.SendAsync(key, ProtocolAbi.Staking, s.Staking, "withdraw", [], ct);
            var tokens = (BigInteger)outputs[0];
            var view = await IndexerView.ReadAsync(s, key.Address, ct);
            IndexerCommands.Print(console, parse.GetValue(o.Json), view, receipt, $"withdrew {Dpi.Display(tokens)}", new { withdrawn = Dpi.Format(tokens) });
            return 0;
        }));
        return cmd;
    }
}
