using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin curate show DEPLOYMENT [--curator ADDRESS]`: the curation pool, its price per share and a curator's shares.</summary>
internal static class CurateShowCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var deployment = CurateCommands.DeploymentArgument();
        var curator = new Option<string?>("--curator") { Description = "Whose shares to show (default: the --from account)." };
        var cmd = o.AddTo(new Command("show", "Show a deployment's curation pool, its price per share and a curator's shares.") { deployment, curator });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var id = Args.Deployment(parse.GetValue(deployment)!);
            var who = Signer.AddressOf(env, parse.GetValue(curator), parse.GetValue(o.From));
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var info = await s.Client.GetCurationAsync(id, who, ct);
            if (parse.GetValue(o.Json)) Output.Json(console, CurateCommands.ToJson(info));
            else Output.Fields(console, "curation", CurateCommands.Rows(info));
            return 0;
        }));
        return cmd;
    }
}
