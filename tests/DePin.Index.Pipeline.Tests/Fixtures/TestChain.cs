using System.Diagnostics;
using System.Globalization;
using DePin.Index.Chain;
using DePin.Index.Devnet;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Simulator;

namespace DePin.Index.Pipeline.Tests.Fixtures;

/// <summary>
/// A private anvil on a free port with the DePIN contracts deployed and the simulator to drive it. <paramref name="prune"/>
/// starts anvil with <c>--prune-history</c> (large simulations: anvil otherwise writes every historical state to disk), which
/// rules out evm_snapshot/evm_revert.
/// </summary>
internal sealed class TestChain : IAsyncDisposable
{
    private readonly DirectoryInfo _dir;
    private readonly Process? _process;
    private readonly AnvilServer? _server;
    private readonly JsonRpcClient _client;

    private TestChain(DirectoryInfo dir, Process? process, AnvilServer? server, Uri rpcUrl)
    {
        _dir = dir;
        _process = process;
        _server = server;
        RpcUrl = rpcUrl;
        _client = new JsonRpcClient(new JsonRpcClientOptions { Url = rpcUrl, Timeout = TimeSpan.FromMinutes(2) });
        Rpc = new EthRpc(_client);
    }

    public Uri RpcUrl { get; }

    public EthRpc Rpc { get; }

    public DepinContracts Contracts { get; private set; } = null!;

    /// <summary>Contract name → address and deployment block.</summary>
    public IReadOnlyDictionary<string, (Address Address, long Block)> Deployed { get; private set; } = null!;

    public static async Task<TestChain> StartAsync(bool prune = false)
    {
        var paths = RepoPaths.Find();
        await Prerequisites.CompileContractsAsync(paths, null, CancellationToken.None);
        var dir = Directory.CreateTempSubdirectory("depin-pipeline-chain-");
        TestChain chain;
        if (prune)
        {
            var port = FreePort.Pick();
            var info = new ProcessStartInfo(paths.AnvilBinary) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[]
                     {
                         "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--gas-limit",
                         AnvilSettings.DefaultBlockGasLimit.ToString(CultureInfo.InvariantCulture), "--silent", "--prune-history",
                         "--cache-path", Path.Combine(dir.FullName, "cache"),
                     })
            {
                info.ArgumentList.Add(a);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start anvil");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            chain = new TestChain(dir, process, null, new Uri($"http://127.0.0.1:{port}"));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await AnvilServer.ChainIdAsync(chain.RpcUrl, CancellationToken.None) is null)
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    await chain.DisposeAsync();
                    throw new InvalidOperationException($"anvil on port {port} did not start");
                }

                await Task.Delay(25);
            }
        }
        else
        {
            var server = await AnvilServer.StartAsync(new AnvilSettings
            {
                BinaryPath = paths.AnvilBinary,
                Port = FreePort.Pick(),
                LogPath = Path.Combine(dir.FullName, "anvil.log"),
            });
            chain = new TestChain(dir, null, server, server.RpcUrl);
        }

        var (deployed, _) = await DevnetContracts.DeployAsync(chain.Rpc, paths.ContractsBuild, DevnetContracts.OperatorKey(), null);
        chain.Deployed = deployed;
        var state = new DevnetState();
        foreach (var (name, (address, block)) in deployed)
        {
            state.Contracts[name] = new DeployedContract(address.ToChecksumString(), block);
        }

        chain.Contracts = DepinContracts.Load(state, paths.ContractsBuild);
        return chain;
    }

    public Task<SimulationTotals> SimulateAsync(SimulationOptions options, CancellationToken cancellationToken = default) =>
        new SimulationRunner(Rpc, Contracts, DevnetContracts.OperatorKey()).RunAsync(options, null, cancellationToken);

    /// <summary>The DePIN subgraph over this chain's contracts (all data sources, or those named).</summary>
    public DeploymentDescriptor Deployment(params string[] dataSources) =>
        DepinDeployment.Create((dataSources.Length == 0 ? DepinContracts.Names : dataSources).ToDictionary(n => n, n => Deployed[n]));

    /// <summary>The fixture subgraph <c>registrations</c> (a Registry template created at the first registration) over this chain.</summary>
    public DeploymentDescriptor RegistrationsDeployment() =>
        DepinDeployment.FromBuild(SubgraphBuild.RegistrationsBuild, new Dictionary<string, (Address, long)> { [DepinContracts.DeviceRegistry] = Deployed[DepinContracts.DeviceRegistry] });

    /// <summary>The DePIN subgraph with some data sources starting later than their contract's deployment.</summary>
    public DeploymentDescriptor Deployment(IReadOnlyDictionary<string, long> startBlocks) =>
        DepinDeployment.Create(DepinContracts.Names.ToDictionary(n => n, n => Deployed[n]), startBlocks);

    /// <summary>Service options for one node on this chain (network "devnet", quick polling and retries).</summary>
    public IndexingServiceOptions ServiceOptions(string connectionString, int reorgThreshold = 250, Uri? rpcUrl = null) => new()
    {
        ConnectionString = connectionString,
        Networks = new Dictionary<string, NetworkOptions>
        {
            ["devnet"] = new()
            {
                RpcUrl = rpcUrl ?? RpcUrl,
                ReorgThreshold = reorgThreshold,
                Stream = RunningIndexer.Options().Stream,
                HeadPollInterval = TimeSpan.FromMilliseconds(200),
            },
        },
        Runner = RunningIndexer.Options(),
    };

    /// <summary>A chain reader over this anvil, or over <paramref name="url"/> (a proxy in front of it).</summary>
    public static EthRpcChainReader Reader(Uri url, JsonRpcClientOptions? options = null) =>
        new(new EthRpc(new JsonRpcClient(options ?? new JsonRpcClientOptions { Url = url, Timeout = TimeSpan.FromMinutes(2) })));

    public Task<long> HeadAsync() => Rpc.BlockNumberAsync();

    /// <summary>
    /// Registers one device in a transaction of its own (anvil's automine mines it before answering); returns its block's
    /// number and the moment the node answered (<see cref="Stopwatch.GetTimestamp"/>): the block was mined by then.
    /// </summary>
    public async Task<(long Block, long MinedAt)> RegisterOneAsync(Devnet.Chain.TransactionSender sender, string metadata)
    {
        var registry = Contracts.Abi(DepinContracts.DeviceRegistry);
        var device = new Address(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        var data = registry.EncodeCall("register", device, new System.Numerics.BigInteger(metadata.Length % 6), System.Numerics.BigInteger.One,
            System.Numerics.BigInteger.MinusOne, metadata);
        await sender.SendAsync(DevnetContracts.OperatorKey(), Contracts.Address(DepinContracts.DeviceRegistry), data, 500_000, metadata);
        var mined = Stopwatch.GetTimestamp();
        return (await HeadAsync(), mined);
    }

    /// <summary>
    /// Mines <paramref name="blocks"/> blocks, each holding <paramref name="perBlock"/> device registrations (metadata
    /// <c>TAG-block-i</c>, kinds and locations from <paramref name="tag"/>) and, from the second block on, a transfer of the
    /// device registered in the block before: blocks whose entities differ from any other branch's. Returns the last block's number.
    /// </summary>
    public async Task<long> MineBranchAsync(int blocks, string tag, int perBlock = 2)
    {
        var key = DevnetContracts.OperatorKey();
        var registry = Contracts.Abi(DepinContracts.DeviceRegistry);
        var at = Contracts.Address(DepinContracts.DeviceRegistry);
        var sender = await Devnet.Chain.TransactionSender.CreateAsync(Rpc, Contracts.AllAbis);
        var seed = tag.Aggregate(17, (h, c) => (h * 31) + c);
        var nextId = (long)(System.Numerics.BigInteger)registry.GetFunction("deviceCount")
            .DecodeOutput(await Rpc.CallAsync(new CallRequest { To = at, Data = registry.EncodeCall("deviceCount") }))[0] + 1;
        await Rpc.SetAutomineAsync(false);
        try
        {
            for (var b = 0; b < blocks; b++)
            {
                if (b > 0)
                {
                    var receiver = new Address(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
                    await sender.SendAsync(key, at, registry.EncodeCall("transfer", new System.Numerics.BigInteger(nextId - 1), receiver), 300_000, $"{tag} transfer");
                }

                for (var i = 0; i < perBlock; i++)
                {
                    var device = new Address(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
                    var data = registry.EncodeCall("register", device, new System.Numerics.BigInteger((seed + b + i) % 6),
                        new System.Numerics.BigInteger((seed * 7 % 1000) + b), new System.Numerics.BigInteger(-b - i), $"{tag}-{b}-{i}");
                    await sender.SendAsync(key, at, data, 500_000, $"{tag} register");
                    nextId++;
                }

                await Rpc.EvmMineAsync();
            }

            await sender.ConfirmAsync();
        }
        finally
        {
            await Rpc.SetAutomineAsync(true);
        }

        return await HeadAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
