using System.CommandLine;
using DePin.Index.Ethereum.Primitives;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin indexer close ALLOCATION --poi 0x…`: close an allocation with its proof of indexing (after one epoch).</summary>
internal static class IndexerCloseCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var allocation = new Argument<string>("allocation") { Description = "The allocation id (see `depin indexer status`)." };
        var poi = new Option<string>("--poi")
        {
            Description = "The proof of indexing, 0x + 64 hex digits (the node's POI of the deployment).",
            Required = true,
        };
        var cmd = o.AddTo(new Command("close", "Close an allocation with its proof of indexing (at least one epoch after it was opened).") { allocation, poi });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var allocationId = Args.WholeNumber(parse.GetValue(allocation), "allocation");
            if (!Hash32.TryParse(parse.GetValue(poi)!.Trim(), out var proof)) throw new CliException("--poi must be 0x + 64 hex digits");
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var receipt = await s.Client.Staking.CloseAllocationAsync(key, allocationId, proof, ct);
            await IndexerCommands.PrintAsync(console, parse.GetValue(o.Json), s.Client, key.Address, receipt, $"closed allocation {allocationId}",
                new { allocationId, poi = proof.ToHex() }, ct);
            return 0;
        }));
        return cmd;
    }
}
