using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Protocol;

/// <summary>Where the six protocol contracts live on a chain.</summary>
public sealed record ProtocolAddresses(
    Address Token, Address EpochManager, Address SubgraphRegistry, Address Curation, Address Staking, Address FeeSettlement)
{
    /// <summary>Name (as in <see cref="ProtocolDeployment.Names"/>) → address.</summary>
    public IReadOnlyDictionary<string, Address> ByName => new Dictionary<string, Address>(StringComparer.Ordinal)
    {
        [ProtocolDeployment.ProtocolToken] = Token,
        [ProtocolDeployment.EpochManager] = EpochManager,
        [ProtocolDeployment.SubgraphRegistry] = SubgraphRegistry,
        [ProtocolDeployment.Curation] = Curation,
        [ProtocolDeployment.Staking] = Staking,
        [ProtocolDeployment.FeeSettlement] = FeeSettlement,
    };

    /// <summary>From the devnet's state.json.</summary>
    /// <exception cref="ProtocolException">a contract is not recorded: the devnet predates the protocol.</exception>
    public static ProtocolAddresses FromState(DevnetState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return FromNames(name => state.Contracts.TryGetValue(name, out var c)
            ? Address.Parse(c.Address)
            : throw new ProtocolException($"{name} is not deployed on this devnet: run `depin devnet up`"));
    }

    /// <summary>From <see cref="ProtocolDeployment.DeployAsync"/>'s result.</summary>
    public static ProtocolAddresses FromDeployment(IReadOnlyDictionary<string, (Address Address, long Block)> deployed)
    {
        ArgumentNullException.ThrowIfNull(deployed);
        return FromNames(name => deployed.TryGetValue(name, out var c) ? c.Address : throw new ProtocolException($"{name} was not deployed"));
    }

    private static ProtocolAddresses FromNames(Func<string, Address> get) => new(
        get(ProtocolDeployment.ProtocolToken), get(ProtocolDeployment.EpochManager), get(ProtocolDeployment.SubgraphRegistry),
        get(ProtocolDeployment.Curation), get(ProtocolDeployment.Staking), get(ProtocolDeployment.FeeSettlement));
}
