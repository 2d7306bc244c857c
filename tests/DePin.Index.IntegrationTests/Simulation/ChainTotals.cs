using System.Numerics;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.IntegrationTests.Simulation;

/// <summary>Totals recomputed independently from the chain's decoded logs — what an indexer would see.</summary>
internal sealed class ChainTotals
{
    public Dictionary<string, long> Events { get; } = [];
    public Dictionary<int, long> DevicesByKind { get; } = [];
    public Dictionary<int, long> ProofsByKind { get; } = [];
    public BigInteger WorkUnits { get; private set; }
    public BigInteger RewardAmount { get; private set; }
    public BigInteger EnergyWh { get; private set; }
    public BigInteger TradeAmount { get; private set; }
    public long MinBlock { get; private set; } = long.MaxValue;
    public long MaxBlock { get; private set; }

    public static async Task<ChainTotals> ReadAsync(EthRpc rpc, DepinContracts contracts, long fromBlock, long toBlock)
    {
        var decoder = LogDecoder.For([.. contracts.AllAbis]);
        var addresses = DepinContracts.Names.Select(contracts.Address).ToArray();
        var logs = await rpc.GetLogsAsync(new LogFilter { FromBlock = fromBlock, ToBlock = toBlock, Addresses = addresses });
        var t = new ChainTotals();
        foreach (var log in logs)
        {
            var e = decoder.Decode(log.Topics, log.Data);
            t.Events[e.Name] = t.Events.GetValueOrDefault(e.Name) + 1;
            t.MinBlock = Math.Min(t.MinBlock, log.BlockNumber);
            t.MaxBlock = Math.Max(t.MaxBlock, log.BlockNumber);
            switch (e.Name)
            {
                case "DeviceRegistered":
                    var kind = (int)(BigInteger)e["kind"];
                    t.DevicesByKind[kind] = t.DevicesByKind.GetValueOrDefault(kind) + 1;
                    break;
                case "ProofSubmitted":
                    var proofKind = (int)(BigInteger)e["kind"];
                    t.ProofsByKind[proofKind] = t.ProofsByKind.GetValueOrDefault(proofKind) + 1;
                    t.WorkUnits += (BigInteger)e["workUnits"];
                    break;
                case "RewardPaid":
                    t.RewardAmount += (BigInteger)e["amount"];
                    break;
                case "EnergyTraded":
                    t.EnergyWh += (BigInteger)e["energyWh"];
                    t.TradeAmount += (BigInteger)e["amount"];
                    break;
            }
        }
        return t;
    }
}
