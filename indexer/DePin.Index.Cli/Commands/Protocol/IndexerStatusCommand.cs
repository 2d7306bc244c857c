using System.CommandLine;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin indexer status [ADDRESS]`: stake, thawing, allocations, delegation pool, cut and escrow, as the contracts report them.</summary>
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
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var view = await IndexerView.ReadAsync(s, indexer, ct);
            var allocations = await AllocationsAsync(s, indexer, ct);
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new
                {
                    indexer = IndexerCommands.Json(view),
                    allocations = allocations.Select(a => new
                    {
                        id = a.Id,
                        deployment = a.Deployment.ToString(),
                        tokens = Dpi.Format(a.Tokens),
                        createdAtEpoch = a.CreatedAtEpoch,
                        closedAtEpoch = a.Open ? (BigInteger?)null : a.ClosedAtEpoch,
                        open = a.Open,
                    }),
                });
                return 0;
            }
            Output.Fields(console, "indexer", IndexerCommands.Rows(view));
            if (allocations.Count > 0)
            {
                var table = new Table().Title("allocations").AddColumns("id", "deployment", "tokens", "opened (epoch)", "state");
                foreach (var a in allocations)
                {
                    table.AddRow(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Deployment.ToString(), Dpi.Display(a.Tokens),
                        a.CreatedAtEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Open ? "open" : $"closed (epoch {a.ClosedAtEpoch})");
                }
                console.Write(table);
            }
            return 0;
        }));
        return cmd;
    }

    internal sealed record Allocation(BigInteger Id, DeploymentId Deployment, BigInteger Tokens, BigInteger CreatedAtEpoch, BigInteger ClosedAtEpoch, bool Open);

    internal static async Task<IReadOnlyList<Allocation>> AllocationsAsync(ProtocolSession s, Address indexer, CancellationToken ct)
    {
        var logs = await EventScan.LogsAsync(s, s.Staking, EventScan.AllocationCreated, EventScan.Topic(indexer), null, ct);
        var ids = logs.Select(l => new BigInteger(l.Topics[3].ToArray(), isUnsigned: true, isBigEndian: true)).Distinct().ToList();
        var reads = ids.Select(id => s.CallAsync(ProtocolAbi.Staking, s.Staking, "allocations", [id], ct)).ToList();
        await Task.WhenAll(reads);
        return [.. ids.Zip(reads, (id, r) => new Allocation(id, new DeploymentId(new Hash32((byte[])r.Result[1])), (BigInteger)r.Result[2],
            (BigInteger)r.Result[3], (BigInteger)r.Result[4], (bool)r.Result[6]))];
    }
}
