using System.CommandLine;
using System.Globalization;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin indexer set-cut PERCENT`: the share of query fees the indexer keeps (the rest goes to its delegators), after a cooldown.</summary>
internal static class IndexerSetCutCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var percent = new Argument<string>("percent") { Description = "The indexer's query-fee cut in percent, 0..100 (e.g. 80 or 80%; up to 4 decimals)." };
        var cmd = o.AddTo(new Command("set-cut", "Set the query-fee cut the indexer keeps; it applies after the cooldown.") { percent });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var ppm = ParsePercent(parse.GetValue(percent)!);
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var receipt = await s.Client.Staking.SetQueryFeeCutAsync(key, ppm, ct);
            var effective = receipt.Event("QueryFeeCutSet").Get<BigInteger>("effectiveBlock");
            await IndexerCommands.PrintAsync(console, parse.GetValue(o.Json), s.Client, key.Address, receipt,
                $"query-fee cut {Dpi.Percent(ppm)} from block {effective}", new { queryFeeCutPpm = ppm, effectiveBlock = effective }, ct);
            return 0;
        }));
        return cmd;
    }

    /// <summary>"80", "80%", "12.5" → parts per million.</summary>
    public static long ParsePercent(string text)
    {
        var s = text.Trim().TrimEnd('%').Trim();
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 100)
        {
            throw new CliException($"cut '{text}' is not a percentage between 0 and 100");
        }
        var ppm = value * 10_000m;
        if (ppm != decimal.Truncate(ppm)) throw new CliException($"cut '{text}' has more than 4 decimals (the contract counts parts per million)");
        return (long)ppm;
    }
}
