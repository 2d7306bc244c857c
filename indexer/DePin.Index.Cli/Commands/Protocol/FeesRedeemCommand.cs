using System.CommandLine;
using System.Numerics;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>
/// `depin fees redeem VOUCHER_FILE`: as the voucher's indexer (--from), check the payer's signature and show the
/// split (FeeSettlement.split), then redeem: protocol tax burned, curators' share, the indexer's and its delegators' parts.
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
            var path = parse.GetValue(file)!;
            string text;
            if (path == "-")
            {
                text = env.RedirectedInput()?.ReadToEnd() ?? throw new CliException("no voucher on standard input");
            }
            else
            {
                if (!File.Exists(path)) throw new CliException($"voucher file {path} does not exist");
                text = await File.ReadAllTextAsync(path, ct);
            }
            var voucher = Voucher.Parse(text);
            using var s = ProtocolSession.Open(o.Endpoint(parse), env);
            var key = Signer.Resolve(console, env, parse.GetValue(o.From));
            if (voucher.Indexer != key.Address) throw new CliException($"the voucher pays indexer {voucher.Indexer}; redeem it with --from {voucher.Indexer}");
            if (voucher.VerifyingContract != s.Fees) throw new CliException($"the voucher is for FeeSettlement {voucher.VerifyingContract}, this chain's is {s.Fees}");
            var chainId = await s.ChainIdAsync(ct);
            if (voucher.ChainId != chainId) throw new CliException($"the voucher is for chain {voucher.ChainId}, this chain is {chainId}");
            var signer = voucher.Signer();
            if (signer != voucher.Payer) throw new CliException($"the voucher was signed by {signer}, not by the payer {voucher.Payer}");
            var collected = await s.CallUIntAsync(ProtocolAbi.Fees, s.Fees, "collected", [voucher.Payer, voucher.Indexer, voucher.Deployment.ToArray()], ct);
            var amount = voucher.ValueAggregate - collected;
            if (amount.Sign <= 0)
            {
                throw new CliException($"nothing to collect: {Dpi.Display(collected)} already collected of an aggregate of {Dpi.Display(voucher.ValueAggregate)} (voucher already redeemed?)");
            }
            var (outputs, receipt) = await s.SendAsync(key, ProtocolAbi.Fees, s.Fees, "redeem",
                [voucher.Payer, voucher.Indexer, voucher.Deployment.ToArray(), voucher.TimestampNs, voucher.ValueAggregate, voucher.Signature], ct);
            var paid = (BigInteger)outputs[0];
            var split = SplitOf(s, receipt) ?? throw new CliException("the redemption logged no QueryFeesCollected event");
            if (parse.GetValue(o.Json))
            {
                Output.Json(console, new
                {
                    transaction = receipt.TransactionHash.ToHex(),
                    block = receipt.BlockNumber,
                    gasUsed = receipt.GasUsed,
                    payer = voucher.Payer.ToChecksumString(),
                    indexer = voucher.Indexer.ToChecksumString(),
                    deployment = voucher.Deployment.ToString(),
                    valueAggregate = Dpi.Format(voucher.ValueAggregate),
                    amount = Dpi.Format(paid),
                    protocolTax = Dpi.Format(split.ProtocolTax),
                    curationFees = Dpi.Format(split.CurationFees),
                    indexerFees = Dpi.Format(split.IndexerFees),
                    delegatorFees = Dpi.Format(split.DelegatorFees),
                    epoch = split.Epoch,
                });
                return 0;
            }
            Output.Sent(console, $"redeemed {Dpi.Display(paid)}", receipt);
            Output.Fields(console, "fee split", [
                ("payer", voucher.Payer.ToChecksumString()),
                ("deployment", voucher.Deployment.ToString()),
                ("amount", Dpi.Display(paid)),
                ("protocol tax (burned)", Dpi.Display(split.ProtocolTax)),
                ("curators", Dpi.Display(split.CurationFees)),
                ("indexer", Dpi.Display(split.IndexerFees)),
                ("delegators", Dpi.Display(split.DelegatorFees)),
            ]);
            return 0;
        }));
        return cmd;
    }

    internal sealed record Split(BigInteger ProtocolTax, BigInteger CurationFees, BigInteger IndexerFees, BigInteger DelegatorFees, BigInteger Epoch);

    /// <summary>The split as the contract logged it (QueryFeesCollected of this transaction).</summary>
    private static Split? SplitOf(ProtocolSession s, Ethereum.Rpc.TransactionReceipt receipt)
    {
        var topic = Ethereum.Primitives.Hash32.Of("QueryFeesCollected(address,address,bytes32,uint256,uint256,uint256,uint256,uint256,uint256,uint256)");
        var log = receipt.Logs.FirstOrDefault(l => l.Address == s.Fees && l.Topics.Length > 0 && l.Topics[0] == topic);
        if (log is null) return null;
        BigInteger Word(int i) => new(log.Data.AsSpan(32 * i, 32), isUnsigned: true, isBigEndian: true);
        // data: valueAggregate, amount, protocolTax, curationFees, indexerFees, delegatorFees, epoch
        return new Split(Word(2), Word(3), Word(4), Word(5), Word(6));
    }
}
