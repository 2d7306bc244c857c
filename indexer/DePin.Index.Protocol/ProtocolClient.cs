using DePin.Index.Devnet;
using DePin.Index.Devnet.Chain;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Ethereum.Signing;
using DePin.Index.Protocol.Internal;

namespace DePin.Index.Protocol;

/// <summary>
/// The protocol on one chain: a typed client per contract (<see cref="Token"/>, <see cref="Epochs"/>,
/// <see cref="Registry"/>, <see cref="Curation"/>, <see cref="Staking"/>, <see cref="Fees"/>) and the read model the
/// CLI shows (<see cref="GetIndexerAsync"/>, <see cref="GetDelegationAsync"/>, …). Transactions are signed with the
/// given keys, estimated first (a revert becomes a <see cref="ProtocolRevertException"/> with a plain message before
/// anything is sent) and confirmed; they are serialised, so one client may be shared.
/// ABIs come from deploy/build (compiled by deploy/compile.mjs).
/// </summary>
public sealed partial class ProtocolClient
{
    private ProtocolClient(ChainGateway chain, ProtocolAddresses addresses, IReadOnlyDictionary<string, ContractAbi> abis)
    {
        Chain = chain;
        Addresses = addresses;
        Abis = abis;
        Token = new TokenClient(new ContractPort(chain, addresses.Token, abis[ProtocolDeployment.ProtocolToken]));
        Epochs = new EpochManagerClient(new ContractPort(chain, addresses.EpochManager, abis[ProtocolDeployment.EpochManager]));
        Registry = new SubgraphRegistryClient(new ContractPort(chain, addresses.SubgraphRegistry, abis[ProtocolDeployment.SubgraphRegistry]));
        Curation = new CurationClient(new ContractPort(chain, addresses.Curation, abis[ProtocolDeployment.Curation]), Token);
        Staking = new StakingClient(new ContractPort(chain, addresses.Staking, abis[ProtocolDeployment.Staking]), Token);
        Fees = new FeeSettlementClient(new ContractPort(chain, addresses.FeeSettlement, abis[ProtocolDeployment.FeeSettlement]), Token);
    }

    public ProtocolAddresses Addresses { get; }

    /// <summary>Contract name → ABI.</summary>
    public IReadOnlyDictionary<string, ContractAbi> Abis { get; }

    public TokenClient Token { get; }
    public EpochManagerClient Epochs { get; }
    public SubgraphRegistryClient Registry { get; }
    public CurationClient Curation { get; }
    public StakingClient Staking { get; }
    public FeeSettlementClient Fees { get; }

    public EthRpc Rpc => Chain.Rpc;
    public ulong ChainId => Chain.ChainId;

    internal ChainGateway Chain { get; }

    /// <summary>A client of contracts already deployed at <paramref name="addresses"/>.</summary>
    /// <param name="buildDirectory">deploy/build by default (found from the repository root).</param>
    public static async Task<ProtocolClient> ConnectAsync(EthRpc rpc, ProtocolAddresses addresses, string? buildDirectory = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(addresses);
        var dir = buildDirectory ?? RepoPaths.Find().ContractsBuild;
        var abis = ProtocolDeployment.Names.ToDictionary(n => n, n => ContractArtifact.Load(dir, n).Abi, StringComparer.Ordinal);
        var sender = await TransactionSender.CreateAsync(rpc, [.. abis.Values], ct).ConfigureAwait(false);
        var contracts = addresses.ByName.ToDictionary(kv => kv.Key, kv => (kv.Value, abis[kv.Key]), StringComparer.Ordinal);
        return new ProtocolClient(new ChainGateway(rpc, sender, contracts), addresses, abis);
    }

    /// <summary>A client of the devnet's protocol (addresses from its state.json).</summary>
    public static Task<ProtocolClient> ConnectAsync(EthRpc rpc, DevnetState state, string? buildDirectory = null, CancellationToken ct = default) =>
        ConnectAsync(rpc, ProtocolAddresses.FromState(state), buildDirectory, ct);

    /// <summary>Deploys the whole protocol (six contracts) with <paramref name="deployer"/> and connects to it: one call for tests.</summary>
    /// <param name="parameters">The Graph's defaults when null.</param>
    public static async Task<ProtocolClient> DeployAsync(EthRpc rpc, EthKey deployer, ProtocolParameters? parameters = null,
        string? buildDirectory = null, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var dir = buildDirectory ?? RepoPaths.Find().ContractsBuild;
        var deployed = await ProtocolDeployment.DeployAsync(rpc, dir, deployer, parameters ?? ProtocolParameters.TheGraphDefaults, progress, ct)
            .ConfigureAwait(false);
        return await ConnectAsync(rpc, ProtocolAddresses.FromDeployment(deployed), dir, ct).ConfigureAwait(false);
    }

    /// <summary>Decodes the protocol events among <paramref name="logs"/> (e.g. from eth_getLogs).</summary>
    public IReadOnlyList<ProtocolEvent> DecodeLogs(IEnumerable<Log> logs) => Chain.DecodeLogs(logs);
}
