using System.CommandLine;
using DePin.Index.Protocol;
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
        var value = new Option<string>("--value") { Description = "The running total owed for (indexer, deployment) in DPI (not the increment).", Required = true };
        var timestamp = new Option<ulong?>("--timestamp-ns") { Description = "The latest receipt's time in Unix nanoseconds (default: now; informational)." };
        var output = new Option<string?>("--out", "-o") { Description = "Write the voucher to this file (mode 0600) instead of standard output." };
        var cmd = new Command("voucher", "Sign a query-fee voucher as the payer (EIP-712); the indexer redeems it with `fees redeem`.")
        {
            indexer, deployment, value, timestamp, output, o.From, o.Rpc, o.Dir,
        };
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var target = Signer.ParseAddress(parse.GetValue(indexer)!, "--indexer");
            var id = Args.Deployment(parse.GetValue(deployment)!);
            var aggregate = Dpi.Parse(parse.GetValue(value)!, "--value");
            if (aggregate.IsZero || aggregate > Voucher.MaxValue) throw new CliException("--value must be above 0 and fit 128 bits of wei");
            var ns = parse.GetValue(timestamp) ?? (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000UL;
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            var signed = s.Client.Fees.Sign(key, new Voucher(key.Address, target, id, ns, aggregate));
            var json = new VoucherFile(signed, s.Client.ChainId, s.Client.Addresses.FeeSettlement).ToJson();
            if (parse.GetValue(output) is not { } path)
            {
                console.WriteLine(json, new Style());
                return 0;
            }
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var writer = new StreamWriter(new FileStream(path, options)))
            {
                await writer.WriteAsync(json);
            }
            console.MarkupLine($"[green]voucher[/] for {Markup.Escape(Dpi.Display(aggregate))} to {target} on {id} written to {Markup.Escape(path)}");
            return 0;
        }));
        return cmd;
    }
}
