using DePin.Index.Ethereum.Primitives;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Subgraph.Tests.Manifest;

public class ManifestParsingTests
{
    private static SubgraphManifest DepinFromTemplate() =>
        SubgraphManifest.Parse(ManifestTemplate.Render(File.ReadAllText(Path.Combine(RepoPaths.DepinSubgraph, "subgraph.template.yaml")), null),
            "subgraph.yaml", RepoPaths.DepinSubgraph);

    [Fact]
    public void Depin_manifest_has_every_contract_and_event()
    {
        var m = DepinFromTemplate();
        Assert.Equal(new Version(1, 0, 0), m.SpecVersion);
        Assert.Equal(new Version(0, 0, 9), m.ApiVersion);
        Assert.Equal("devnet", m.Network);
        Assert.Equal(new IndexerHints(PruneMode.Auto), m.IndexerHints);
        Assert.Equal(Path.Combine(RepoPaths.DepinSubgraph, "schema.graphql"), m.Schema.FullPath);
        Assert.Equal(["DeviceRegistry", "ProofOfPhysicalWork", "RewardDistributor", "EnergyMarket", "RewardToken"], m.DataSources.Select(d => d.Name));
        Assert.Empty(m.Templates);
        Assert.All(m.DataSources, d => Assert.Equal("ethereum/contract", d.Kind));
        Assert.All(m.DataSources, d => Assert.Equal(d.Name, d.Source.Abi));

        var handlers = m.DataSources.SelectMany(d => d.Mapping.EventHandlers).ToDictionary(h => h.Handler, h => h.Event);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["handleDeviceRegistered"] = "DeviceRegistered(indexed uint256,indexed address,indexed address,uint8,int32,int32,string)",
                ["handleDeviceTransferred"] = "DeviceTransferred(indexed uint256,indexed address,indexed address)",
                ["handleDeviceDeactivated"] = "DeviceDeactivated(indexed uint256,indexed address)",
                ["handleProofSubmitted"] = "ProofSubmitted(indexed uint256,indexed address,indexed uint64,uint8,uint256,bytes32)",
                ["handleEpochAdvanced"] = "EpochAdvanced(indexed uint64,indexed uint64,uint256)",
                ["handleRewardPaid"] = "RewardPaid(indexed uint256,indexed address,indexed uint64,uint256,uint256)",
                ["handleEnergyTraded"] = "EnergyTraded(indexed uint256,indexed uint256,indexed address,address,uint256,uint256,uint256)",
                ["handleTransfer"] = "Transfer(indexed address,indexed address,uint256)",
            },
            handlers);

        var registry = m.FindDataSource("DeviceRegistry")!;
        Assert.Equal(Path.Combine(RepoPaths.DepinSubgraph, "src", "device-registry.ts"), registry.Mapping.File.FullPath);
        var abi = Assert.Single(registry.Mapping.Abis);
        Assert.Equal(("DeviceRegistry", Path.Combine(RepoPaths.DepinSubgraph, "abis", "DeviceRegistry.json")), (abi.Name, abi.File.FullPath));
        Assert.Contains("Device", registry.Mapping.Entities);
        Assert.Equal("wasm/assemblyscript", registry.Mapping.Language);
        Assert.Equal("ethereum/events", registry.Mapping.Kind);
    }

    [Fact]
    public void Handler_locations_point_into_the_file()
    {
        var m = DepinFromTemplate();
        var h = m.FindDataSource("ProofOfPhysicalWork")!.Mapping.EventHandlers[1];
        Assert.Equal("dataSources[1].mapping.eventHandlers[1]", h.Location.Path);
        var lines = ManifestTemplate.Render(File.ReadAllText(Path.Combine(RepoPaths.DepinSubgraph, "subgraph.template.yaml")), null).Split('\n');
        Assert.Contains("event: EpochAdvanced(", lines[h.Location.Line - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_optional_part_is_read()
    {
        const string Yaml = """
            specVersion: 1.2.0
            description: all the parts
            repository: https://example.invalid/repo
            features:
              - nonFatalErrors
              - grafting
            graft:
              base: QmXgUXwEWj8T2kFHgCyy3rZ8eZRN6sMNVnpTfUjYbLRyzV
              block: 42
            indexerHints:
              prune: 5000
            schema:
              file:
                /: /ipfs/QmSchemaHash
            dataSources:
              - kind: ethereum
                name: Token
                network: mainnet
                context:
                  label: { type: String, data: hello }
                  count: { type: Int, data: 7 }
                  big: { type: BigInt, data: "123456789012345678901234567890" }
                  flag: { type: Bool, data: true }
                  raw: { type: Bytes, data: "0x0102" }
                  many: { type: List, data: [ { type: Int, data: 1 }, { type: Null } ] }
                source:
                  address: "0x5fbdb2315678afecb367f032d93f642f64180aa3"
                  abi: ERC20
                  startBlock: 10
                  endBlock: 20
                mapping:
                  kind: ethereum/events
                  apiVersion: 0.0.9
                  language: wasm/assemblyscript
                  entities: [Transfer]
                  abis:
                    - name: ERC20
                      file: ./abis/ERC20.json
                  eventHandlers:
                    - event: Transfer(indexed address,indexed address,uint256)
                      handler: handleTransfer
                      receipt: true
                      topic1: ["0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266"]
                      calls:
                        balance: ERC20[event.address].balanceOf(event.params.to)
                  callHandlers:
                    - function: transfer(address, uint256)
                      handler: handleTransferCall
                  blockHandlers:
                    - handler: handleCallBlock
                      filter: { kind: call }
                    - handler: handleOnce
                      filter: { kind: once }
                    - handler: handlePoll
                      filter: { kind: polling, every: 10 }
                  file: ./src/mapping.ts
            templates:
              - kind: ethereum/contract
                name: Pair
                network: mainnet
                source:
                  abi: ERC20
                mapping:
                  kind: ethereum/events
                  apiVersion: 0.0.9
                  language: wasm/assemblyscript
                  entities: []
                  abis:
                    - name: ERC20
                      file: ./abis/ERC20.json
                  eventHandlers:
                    - event: Transfer(address,address,uint256)
                      handler: handlePairTransfer
                  file: ./src/pair.ts
            """;
        var m = SubgraphManifest.Parse(Yaml, "all.yaml", "/subgraphs/all");
        Assert.Equal("all the parts", m.Description);
        Assert.Equal("https://example.invalid/repo", m.Repository);
        Assert.Equal(["grafting", "nonFatalErrors"], m.Features.Order());
        Assert.Equal(new Graft("QmXgUXwEWj8T2kFHgCyy3rZ8eZRN6sMNVnpTfUjYbLRyzV", 42), m.Graft);
        Assert.Equal(new IndexerHints(PruneMode.Blocks, 5000), m.IndexerHints);
        Assert.True(m.Schema.IsIpfs);
        Assert.Equal("QmSchemaHash", m.Schema.IpfsHash);
        Assert.Null(m.Schema.FullPath);

        var ds = Assert.Single(m.DataSources);
        Assert.Equal(Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3"), ds.Source.Address);
        Assert.Equal((10L, 20L), (ds.Source.StartBlock, ds.Source.EndBlock!.Value));
        Assert.Equal("/subgraphs/all/abis/ERC20.json", ds.Mapping.Abis[0].File.FullPath);
        var ctx = ds.Context!;
        Assert.Equal("hello", ctx["label"].AsString());
        Assert.Equal(7, ctx["count"].AsInt());
        Assert.Equal(System.Numerics.BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture), ctx["big"].AsBigInt());
        Assert.True(ctx["flag"].AsBool());
        Assert.Equal(new byte[] { 1, 2 }, ctx["raw"].AsBytes().ToArray());
        Assert.Equal("[1, null]", ctx["many"].ToString());

        var ev = Assert.Single(ds.Mapping.EventHandlers);
        Assert.True(ev.Receipt);
        Assert.Equal(Hash32.Parse("0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266"), Assert.Single(ev.Topic1!));
        Assert.Null(ev.Topic2);
        Assert.Equal(new DeclaredCall("balance", "ERC20[event.address].balanceOf(event.params.to)"), Assert.Single(ev.Calls));
        Assert.Equal("transfer(address,uint256)", Assert.Single(ds.Mapping.CallHandlers).Function);
        Assert.Equal(
            [new BlockHandlerFilter(BlockHandlerFilterKind.Call), new BlockHandlerFilter(BlockHandlerFilterKind.Once), new BlockHandlerFilter(BlockHandlerFilterKind.Polling, 10)],
            ds.Mapping.BlockHandlers.Select(b => b.Filter));

        var template = Assert.Single(m.Templates);
        Assert.True(template.IsTemplate);
        Assert.Null(template.Source.Address);
        Assert.Equal("Pair", m.FindTemplate("Pair")!.Name);
    }

    [Fact]
    public void Folded_event_signatures_of_graph_cli_build_output_are_joined()
    {
        // graph build re-serialises the manifest and folds long signatures over two lines.
        const string Yaml = """
            specVersion: 1.0.0
            schema:
              file: schema.graphql
            dataSources:
              - kind: ethereum/contract
                name: DeviceRegistry
                network: devnet
                source:
                  address: "0x0000000000000000000000000000000000000000"
                  abi: DeviceRegistry
                mapping:
                  kind: ethereum/events
                  apiVersion: 0.0.9
                  language: wasm/assemblyscript
                  entities:
                    - Device
                  abis:
                    - name: DeviceRegistry
                      file: DeviceRegistry/DeviceRegistry.json
                  eventHandlers:
                    - event: DeviceRegistered(indexed uint256,indexed address,indexed
                        address,uint8,int32,int32,string)
                      handler: handleDeviceRegistered
                  file: DeviceRegistry/DeviceRegistry.wasm
            """;
        var m = SubgraphManifest.Parse(Yaml, "build/subgraph.yaml", "/x/build");
        var ds = m.DataSources[0];
        Assert.Equal("DeviceRegistered(indexed uint256,indexed address,indexed address,uint8,int32,int32,string)", ds.Mapping.EventHandlers[0].Event);
        Assert.Equal("/x/build/DeviceRegistry/DeviceRegistry.wasm", ds.Mapping.File.FullPath);
        Assert.Equal(0, ds.Source.StartBlock);
    }
}
