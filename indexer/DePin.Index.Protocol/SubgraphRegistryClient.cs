using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol.Internal;

namespace DePin.Index.Protocol;

/// <summary>SubgraphRegistry: publish and deprecate deployments.</summary>
public sealed class SubgraphRegistryClient
{
    private readonly ContractPort _c;

    internal SubgraphRegistryClient(ContractPort port) => _c = port;

    public Address Address => _c.Address;

    public Task<ProtocolReceipt> PublishAsync(EthKey publisher, DeploymentId id, string metadata, CancellationToken ct = default) =>
        _c.SendAsync(publisher, "publish", ct, id.Bytes, metadata ?? "");

    public Task<ProtocolReceipt> DeprecateAsync(EthKey publisher, DeploymentId id, CancellationToken ct = default) =>
        _c.SendAsync(publisher, "deprecate", ct, id.Bytes);

    /// <summary>The deployment, or null when it was never published.</summary>
    public async Task<DeploymentInfo?> GetDeploymentAsync(DeploymentId id, CancellationToken ct = default)
    {
        var v = await _c.CallAsync("deployments", ct, id.Bytes).ConfigureAwait(false);
        var publisher = (Address)v[0];
        return publisher == Address.Zero ? null : new DeploymentInfo(id, publisher, (long)(System.Numerics.BigInteger)v[1], (bool)v[2], (string)v[3]);
    }

    public async Task<long> DeploymentCountAsync(CancellationToken ct = default) => (long)await _c.UIntAsync("deploymentCount", ct).ConfigureAwait(false);
}
