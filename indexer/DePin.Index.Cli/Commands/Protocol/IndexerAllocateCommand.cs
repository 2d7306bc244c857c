using System.CommandLine;
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
            var id = Args.Deployment(parse.GetValue(deployment)!);
            var tokens = Dpi.Parse(parse.GetValue(amount)!);
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var (receipt, allocationId) = await s.Client.Staking.AllocateAsync(key, id, tokens, ct);
            await IndexerCommands.PrintAsync(console, parse.GetValue(o.Json), s.Client, key.Address, receipt,
                $"allocation {allocationId}: {Dpi.Display(tokens)} on {id}",
                new { allocationId, deployment = id.ToString(), tokens = Dpi.Format(tokens) }, ct);
            return 0;
        }));
        return cmd;
    }
}
