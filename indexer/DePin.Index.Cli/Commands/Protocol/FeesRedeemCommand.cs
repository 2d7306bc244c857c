using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// `depin fees redeem VOUCHER_FILE`: as the voucher's indexer (--from), check the payer's signature and what is left
/// to collect, redeem, and print the split the contract paid: protocol tax burned, curators, indexer, delegators.
/// </summary>
internal static class FeesRedeemCommand
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var o = new TxOptions();
        var file = new Argument<string>("voucher") { Description = "The voucher file (JSON from `depin fees voucher`), or - for standard input." };
        var cmd = o.AddTo(new Command("redeem", "Redeem a payer-signed voucher as its indexer; prints how the fees were split.") { file });
        cmd.SetAction((parse, ct) => ProtocolAction.RunAsync(console, async () =>
        {
            var voucherFile = VoucherFile.Parse(await ReadAsync(parse.GetValue(file)!, env, ct));
            var v = voucherFile.Voucher;
            using var s = await ProtocolSession.OpenAsync(o.Endpoint(parse), env, ct);
            var p = s.Client;
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            if (v.Indexer != key.Address) throw new CliException($"the voucher pays indexer {v.Indexer}: redeem it with --from {v.Indexer}");
            if (voucherFile.VerifyingContract != p.Addresses.FeeSettlement || voucherFile.ChainId != p.ChainId)
            {
                throw new CliException($"the voucher is for FeeSettlement {voucherFile.VerifyingContract} on chain {voucherFile.ChainId}, not {p.Addresses.FeeSettlement} on chain {p.ChainId}");
            }
            var signer = voucherFile.Signer();
            if (signer != v.Payer) throw new CliException($"the voucher was signed by {signer}, not by its payer {v.Payer}");
            var collected = await p.Fees.CollectedAsync(v.Payer, v.Indexer, v.DeploymentId, ct);
            if (v.ValueAggregate <= collected)
            {
                throw new CliException($"nothing to collect: {Dpi.Display(collected)} already collected of an aggregate of {Dpi.Display(v.ValueAggregate)} (voucher already redeemed?)");
            }
            var receipt = await p.Fees.RedeemAsync(key, voucherFile.Signed, ct);
            var e = receipt.Event("QueryFeesCollected");
            BigInteger Get(string name) => e.Get<BigInteger>(name);
            var split = new
            {
                payer = v.Payer.ToChecksumString(),
                indexer = v.Indexer.ToChecksumString(),
                deployment = v.DeploymentId.ToString(),
                valueAggregate = Dpi.Format(v.ValueAggregate),
                amount = Dpi.Format(Get("amount")),
                protocolTax = Dpi.Format(Get("protocolTax")),
                curationFees = Dpi.Format(Get("curationFees")),
                indexerFees = Dpi.Format(Get("indexerFees")),
                delegatorFees = Dpi.Format(Get("delegatorFees")),
                epoch = Get("epoch"),
            };
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new { transaction = Output.Tx(receipt), result = split });
                return 0;
            }
            Output.Sent(console, $"redeemed {Dpi.Display(Get("amount"))}", receipt);
            Output.Fields(console, "fee split", [
                ("payer", split.payer),
                ("deployment", split.deployment),
                ("amount", Dpi.Display(Get("amount"))),
                ("protocol tax (burned)", Dpi.Display(Get("protocolTax"))),
                ("curators", Dpi.Display(Get("curationFees"))),
                ("indexer", Dpi.Display(Get("indexerFees"))),
                ("delegators", Dpi.Display(Get("delegatorFees"))),
            ]);
            return 0;
        }));
        return cmd;
    }

    private static async Task<string> ReadAsync(string path, CliEnvironment env, CancellationToken ct)
    {
        if (path == "-") return env.RedirectedInput()?.ReadToEnd() ?? throw new CliException("no voucher on standard input");
        return File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : throw new CliException($"voucher file {path} does not exist");
    }
}
