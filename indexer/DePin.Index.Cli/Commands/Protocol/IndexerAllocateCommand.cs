using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin indexer allocate DEPLOYMENT AMOUNT`: allocate available stake to a published deployment.</summary>
internal static class IndexerAllocateCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var deployment = new Argument<string>("deployment") { Description = "The deployment id (Qm… or 0x + 64 hex)." };
        var amount = new Argument<string>("amount") { Description = "DPI of available stake to allocate." };
        var cmd = o.AddTo(new Command("allocate", "Allocate stake to a deployment (own stake plus usable delegation, minus what is allocated).") { deployment, amount });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var id = DeploymentId.Parse(parse.GetValue(deployment)!);
            var tokens = Dpi.Parse(parse.GetValue(amount)!);
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var (outputs, receipt) = await s.SendAsync(key, ProtocolAbi.Staking, s.Staking, "allocate", [id.ToArray(), tokens], ct);
            var allocationId = (BigInteger)outputs[0];
            var view = await IndexerView.ReadAsync(s, key.Address, ct);
            IndexerCommands.Print(console, parse.GetValue(o.Json), view, receipt,
                $"allocation {allocationId}: {Dpi.Display(tokens)} on {id}",
                new { allocationId, deployment = id.ToString(), tokens = Dpi.Format(tokens) });
            return 0;
        }));
        return cmd;
    }
}
