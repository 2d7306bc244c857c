using System.Numerics;

namespace DePin.Index.Simulator.Plan.Steps;

/// <summary>A buyer pays for energy delivered by an energy device (EnergyMarket.settleTrade).</summary>
public sealed record TradeEnergy(int Buyer, long SellerDeviceId, BigInteger EnergyWh, BigInteger PricePerKWh) : SimStep
{
    public override IEnumerable<(string, int)> ExpectedEvents => [("EnergyTraded", 1), ("Transfer", 1)];
}
