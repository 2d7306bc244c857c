using System.CommandLine;
using System.Globalization;
using System.Numerics;
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
            Description = "The proof of indexing, 0x + 64 hex digits (the node's POI of the deployment at the epoch's start block).",
            Required = true,
        };
        var cmd = o.AddTo(new Command("close", "Close an allocation with its proof of indexing (at least one epoch after it was opened).") { allocation, poi });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            if (!BigInteger.TryParse(parse.GetValue(allocation), NumberStyles.None, CultureInfo.InvariantCulture, out var allocationId))
            {
                throw new CliException($"allocation '{parse.GetValue(allocation)}' is not a number");
            }
            if (!Hash32.TryParse(parse.GetValue(poi)!.Trim(), out var proof)) throw new CliException("--poi must be 0x + 64 hex digits");
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var (_, receipt) = await s.SendAsync(key, ProtocolAbi.Staking, s.Staking, "closeAllocation", [allocationId, proof.ToArray()], ct);
            var view = await IndexerView.ReadAsync(s, key.Address, ct);
            IndexerCommands.Print(console, parse.GetValue(o.Json), view, receipt, $"closed allocation {allocationId}",
                new { allocationId, poi = proof.ToHex() });
            return 0;
        }));
        return cmd;
    }
}
