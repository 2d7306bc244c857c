using System.CommandLine;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;
using Spectre.Console;

namespace DePin.Index.Cli.Commands.Protocol;

/// <summary>`depin curate signal|unsignal|show`: curation signal on deployments through the bonding curve.</summary>
internal static class CurateCommands
{
    public static Command Build(IAnsiConsole console, CliEnvironment env)
    {
        var c = new Command("curate", "Signal the deployments worth indexing (curation shares earn a part of their query fees).");
        c.Subcommands.Add(CurateSignalCommand.Build(console, env));
        c.Subcommands.Add(CurateUnsignalCommand.Build(console, env));
        c.Subcommands.Add(CurateShowCommand.Build(console, env));
        return c;
    }

    /// <summary>A deployment's curation pool and one curator's shares.</summary>
    internal sealed record Pool(DeploymentId Deployment, BigInteger Tokens, BigInteger Signal, Address Curator, BigInteger CuratorSignal)
    {
        /// <summary>DPI per share in wei (1 DPI when the pool is empty), rounded down.</summary>
        public BigInteger PricePerShare => Signal.IsZero ? Dpi.One : Tokens * Dpi.One / Signal;

        public BigInteger CuratorValue => Signal.IsZero ? BigInteger.Zero : CuratorSignal * Tokens / Signal;

        public object ToJson() => new
        {
            deployment = Deployment.ToString(),
            deploymentBytes32 = Deployment.Bytes.ToHex(),
            poolTokens = Dpi.Format(Tokens),
            poolSignal = Dpi.Format(Signal),
            pricePerShare = Dpi.Format(PricePerShare),
            curator = Curator.ToChecksumString(),
            curatorSignal = Dpi.Format(CuratorSignal),
            curatorValue = Dpi.Format(CuratorValue),
        };

        public IEnumerable<(string, string)> Rows() =>
        [
            ("deployment", Deployment.ToString()),
            ("pool", $"{Dpi.Display(Tokens)} for {Dpi.Format(Signal)} shares"),
            ("price per share", Dpi.Display(PricePerShare)),
            ("curator", Curator.ToChecksumString()),
            ("curator's shares", Dpi.Format(CuratorSignal)),
            ("curator's value", Dpi.Display(CuratorValue)),
        ];
    }

    public static async Task<Pool> ReadAsync(ProtocolSession s, DeploymentId id, Address curator, CancellationToken ct)
    {
        var pool = s.CallAsync(ProtocolAbi.Curation, s.Curation, "pools", [id.ToArray()], ct);
        var mine = s.CallUIntAsync(ProtocolAbi.Curation, s.Curation, "signalOf", [id.ToArray(), curator], ct);
        await Task.WhenAll(pool, mine);
        return new Pool(id, (BigInteger)pool.Result[0], (BigInteger)pool.Result[1], curator, mine.Result);
    }

    public static void Print(IAnsiConsole console, bool json, Pool pool, Ethereum.Rpc.TransactionReceipt receipt, string what, object result)
    {
        if (json)
        {
            Output.Json(console, new { transaction = receipt.TransactionHash.ToHex(), block = receipt.BlockNumber, gasUsed = receipt.GasUsed, result, curation = pool.ToJson() });
            return;
        }
        Output.Sent(console, what, receipt);
        Output.Fields(console, "curation", pool.Rows());
    }

    public static Argument<string> DeploymentArgument() => new("deployment") { Description = "The deployment id (Qm… or 0x + 64 hex)." };
}
