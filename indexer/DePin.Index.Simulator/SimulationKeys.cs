using System.Collections.Concurrent;
using System.Text;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Simulator;

/// <summary>
/// The owners' and devices' keys of a run, derived from the seed and the run's first device id, so a
/// second run on the same chain never reuses a device key (the registry binds a key to one device for good).
/// </summary>
public sealed class SimulationKeys(ulong seed, long firstDeviceId)
{
    private readonly ConcurrentDictionary<int, EthKey> _owners = new();
    private readonly ConcurrentDictionary<int, EthKey> _devices = new();

    public EthKey Owner(int index) => _owners.GetOrAdd(index, i => Derive("owner", i));

    public EthKey Device(int index) => _devices.GetOrAdd(index, i => Derive("device", i));

    private EthKey Derive(string role, int index) =>
        EthKey.FromSeed(Keccak256.Hash(Encoding.UTF8.GetBytes($"depin-sim|{role}|{seed}|{firstDeviceId}|{index}")));
}
