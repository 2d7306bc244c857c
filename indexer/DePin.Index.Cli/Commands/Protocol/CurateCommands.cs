using System.CommandLine;
using DePin.Index.Protocol;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin curate signal|unsignal|show`: curation signal on deployments through the bonding curve.</summary>
internal static class CurateCommands
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var c = new Command("curate", "Signal the deployments worth indexing (curation shares earn a part of their query fees).");
        c.Subcommands.Add(CurateSignalCommand.Build(console, env));
        c.Subcommands.Add(CurateUnsignalCommand.Build(console, env));
        c.Subcommands.Add(CurateShowCommand.Build(console, env));
        return c;
    }

    public static object ToJson(CurationInfo c) => new
    {
        deployment = c.DeploymentId.ToString(),
        deploymentBytes32 = c.DeploymentId.ToHex(),
        poolTokens = Dpi.Format(c.Pool.Tokens),
        poolSignal = Dpi.Format(c.Pool.Signal),
        pricePerShare = Dpi.Format(Dpi.PerShare(c.Pool.Tokens, c.Pool.Signal)),
        curator = c.Curator?.ToChecksumString(),
        curatorSignal = Dpi.Format(c.CuratorSignal),
        curatorValue = Dpi.Format(c.CuratorValue),
    };

    public static IEnumerable<(string, string)> Rows(CurationInfo c) =>
    [
        ("deployment", c.DeploymentId.ToString()),
        ("pool", $"{Dpi.Display(c.Pool.Tokens)} for {Dpi.Format(c.Pool.Signal)} shares"),
        ("price per share", Dpi.Display(Dpi.PerShare(c.Pool.Tokens, c.Pool.Signal))),
        ("curator", c.Curator?.ToChecksumString() ?? "-"),
        ("curator's shares", Dpi.Format(c.CuratorSignal)),
        ("curator's value", Dpi.Display(c.CuratorValue)),
    ];

    public static async Task PrintAsync(IAnsiConsole console, bool json, ProtocolClient p, CurationInfo before, ProtocolReceipt receipt, string what,
        object result, CancellationToken ct)
    {
        var after = await p.GetCurationAsync(before.DeploymentId, before.Curator, ct);
        if (json)
        {
            Output.Json(console, new { transaction = Output.Tx(receipt), result, curation = ToJson(after) });
            return;
        }
        Output.Sent(console, what, receipt);
        Output.Fields(console, "curation", Rows(after));
    }

    public static Argument<string> DeploymentArgument() => new("deployment") { Description = "The deployment id (Qm… or 0x + 64 hex)." };
}
