using System.CommandLine;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// `depin fees voucher --indexer ADDRESS --deployment ID --value DPI`: sign, as the payer (--from), a voucher for the
/// running total owed to an indexer for one deployment, and write it as JSON (to --out or standard output).
/// </summary>
internal static class FeesVoucherCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var indexer = new Option<string>("--indexer") { Description = "The indexer the voucher pays.", Required = true };
        var deployment = new Option<string>("--deployment") { Description = "The deployment id (Qm… or 0x + 64 hex).", Required = true };
        var value = new Option<string>("--value") { Description = "The running total owed for (indexer, deployment), in DPI (not the increment).", Required = true };
        var timestamp = new Option<ulong?>("--timestamp-ns") { Description = "The latest receipt's time in Unix nanoseconds (default: now; informational)." };
        var output = new Option<string?>("--out", "-o") { Description = "Write the voucher to this file (mode 0600) instead of standard output." };
        var cmd = new Command("voucher", "Sign a query-fee voucher as the payer (EIP-712), for the indexer to redeem with `fees redeem`.")
        {
            indexer, deployment, value, timestamp, output,
        };
        cmd.Options.Add(o.From);
        cmd.Options.Add(o.Rpc);
        cmd.Options.Add(o.Dir);
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var target = Signer.ParseAddress(parse.GetValue(indexer)!, "indexer");
            var id = DeploymentId.Parse(parse.GetValue(deployment)!);
            var aggregate = Dpi.Parse(parse.GetValue(value)!, "value");
            var ns = parse.GetValue(timestamp) ?? (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000);
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var chainId = await s.ChainIdAsync(ct);
            var voucher = Voucher.Sign(key, target, id, ns, aggregate, chainId, s.Fees);
            var json = voucher.ToJson();
            if (parse.GetValue(output) is { } path)
            {
                var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                await using (var stream = new FileStream(path, options))
                await using (var writer = new StreamWriter(stream))
                {
                    await writer.WriteAsync(json);
                }
                console.MarkupLine($"[green]voucher[/] for {Dpi.Display(aggregate)} to {target} on {id} written to {Markup.Escape(path)}");
                return 0;
            }
            console.WriteLine(json, new Style());
            return 0;
        }));
        return cmd;
    }
}
