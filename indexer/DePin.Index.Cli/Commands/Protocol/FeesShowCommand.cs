using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin fees show [PAYER] [--indexer A --deployment D]`: the payer's escrow, and what was collected for a pair.</summary>
internal static class FeesShowCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var payer = new Argument<string?>("payer") { Description = "The payer (default: the --from account).", Arity = ArgumentArity.ZeroOrOne };
        var indexer = new Option<string?>("--indexer") { Description = "With --deployment: also show what this indexer collected from the payer." };
        var deployment = new Option<string?>("--deployment") { Description = "With --indexer: the deployment (Qm… or 0x + 64 hex)." };
        var cmd = o.AddTo(new Command("show", "Show a payer's escrow (balance, thawing) and, for an indexer and deployment, the total collected.") { payer, indexer, deployment });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var who = Signer.AddressOf(env, parse.GetValue(payer), parse.GetValue(o.From));
            if ((parse.GetValue(indexer) is null) != (parse.GetValue(deployment) is null)) throw new CliException("give --indexer and --deployment together");
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var escrow = await s.Client.GetEscrowAsync(who, ct);
            string? collected = null;
            if (parse.GetValue(indexer) is { } i && parse.GetValue(deployment) is { } d)
            {
                collected = Dpi.Format(await s.Client.Fees.CollectedAsync(who, Signer.ParseAddress(i, "--indexer"), Args.Deployment(d), ct));
            }
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new { escrow = FeesCommands.ToJson(escrow), collected });
                return 0;
            }
            var rows = FeesCommands.Rows(escrow).ToList();
            if (collected is not null) rows.Add(("collected by the indexer", collected + " DPI"));
            Output.Fields(console, "fees", rows);
            return 0;
        }));
        return cmd;
    }
}
