using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin indexer status [ADDRESS]`: stake, thawing, allocations, delegation pool, cut and balances, as the contracts report them.</summary>
internal static class IndexerStatusCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var address = new Argument<string?>("address") { Description = "The indexer (default: the --from account).", Arity = ArgumentArity.ZeroOrOne };
        var cmd = o.AddTo(new Command("status", "Show an indexer's stake, thawing, allocations, delegation pool, query-fee cut and balances.") { address });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var indexer = Signer.AddressOf(env, parse.GetValue(address), parse.GetValue(o.From));
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var status = await IndexerCommands.Status.ReadAsync(s.Client, indexer, ct);
            var allocations = await s.Client.GetAllocationsAsync(indexer, ct);
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new
                {
                    status = status.ToJson(),
                    allocations = allocations.Select(a => new
                    {
                        id = a.Id,
                        deployment = a.DeploymentId.ToString(),
                        tokens = Dpi.Format(a.Tokens),
                        createdAtEpoch = a.CreatedAtEpoch,
                        closedAtEpoch = a.Open ? (long?)null : a.ClosedAtEpoch,
                        open = a.Open,
                    }),
                });
                return 0;
            }
            Output.Fields(console, "indexer", status.Rows());
            if (allocations.Count > 0)
            {
                var table = new Table().Title("allocations").AddColumns("id", "deployment", "tokens", "opened (epoch)", "state");
                foreach (var a in allocations)
                {
                    table.AddRow(a.Id.ToString(CultureInfo.InvariantCulture), a.DeploymentId.ToString(), Dpi.Display(a.Tokens),
                        a.CreatedAtEpoch.ToString(CultureInfo.InvariantCulture), a.Open ? "open" : $"closed (epoch {a.ClosedAtEpoch})");
                }
                console.Write(table);
            }
            return 0;
        }));
        return cmd;
    }
}
