using DePin.Index.Ethereum.Primitives;
using DePin.Index.Protocol.Internal;

namespace DePin.Index.Protocol;

/// <summary>EpochManager: epochs of a fixed number of blocks from the deployment block.</summary>
public sealed class EpochManagerClient
{
    private readonly ContractPort _c;

    internal EpochManagerClient(ContractPort port) => _c = port;

    public Address Address => _c.Address;

    public async Task<long> CurrentEpochAsync(CancellationToken ct = default) => (long)await _c.UIntAsync("currentEpoch", ct).ConfigureAwait(false);
    public async Task<long> EpochLengthAsync(CancellationToken ct = default) => (long)await _c.UIntAsync("epochLength", ct).ConfigureAwait(false);
    public async Task<long> StartBlockAsync(CancellationToken ct = default) => (long)await _c.UIntAsync("startBlock", ct).ConfigureAwait(false);
    public async Task<long> EpochStartBlockAsync(long epoch, CancellationToken ct = default) => (long)await _c.UIntAsync("epochStartBlock", ct, epoch).ConfigureAwait(false);
    public async Task<long> BlocksUntilNextEpochAsync(CancellationToken ct = default) => (long)await _c.UIntAsync("blocksUntilNextEpoch", ct).ConfigureAwait(false);
}
