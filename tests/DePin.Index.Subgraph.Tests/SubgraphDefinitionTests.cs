using DePin.Index.Ethereum.Primitives;
using DePin.Index.Subgraph.Manifest;
using DePin.Index.Subgraph.Schema;

namespace DePin.Index.Subgraph.Tests;

/// <summary>The real subgraphs, built by the pinned graph-cli (see <see cref="SubgraphBuild"/>).</summary>
public class SubgraphDefinitionTests : IClassFixture<SubgraphBuild>
{
    [Fact]
    public void Depin_subgraph_loads_with_schema_and_abis()
    {
        var def = SubgraphDefinition.Load(Path.Combine(RepoPaths.DepinSubgraph, "subgraph.yaml"));
        Assert.Equal(10, def.Schema.EntityTypes.Count);
        var pow = def.Manifest.FindDataSource("ProofOfPhysicalWork")!;
        var proof = def.GetEvent(pow.Mapping.EventHandlers[0]);
        Assert.Equal("ProofSubmitted", proof.Name);
        Assert.Equal(Hash32.Of("ProofSubmitted(uint256,address,uint64,uint8,uint256,bytes32)"u8.ToArray()), proof.Topic0);
        Assert.Equal(3, proof.IndexedCount);
        Assert.Contains(def.GetAbi(pow, "ProofOfPhysicalWork").Functions, f => f.Name == "submitProof");
    }

    [Fact]
    public void Graph_cli_build_output_loads_with_wasm_files()
    {
        var build = Path.Combine(RepoPaths.DepinSubgraph, "build");
        var def = SubgraphDefinition.Load(Path.Combine(build, "subgraph.yaml"));
        Assert.Equal(Path.Combine(build, "schema.graphql"), def.Manifest.Schema.FullPath);
        foreach (var ds in def.Manifest.DataSources)
        {
            Assert.Equal(Path.Combine(build, ds.Name, ds.Name + ".wasm"), ds.Mapping.File.FullPath);
            Assert.True(File.Exists(ds.Mapping.File.FullPath), ds.Mapping.File.FullPath);
            var wasm = File.ReadAllBytes(ds.Mapping.File.FullPath!);
            Assert.Equal("\0asm"u8.ToArray(), wasm[..4]);
        }

        // The event signatures survive graph-cli's re-serialisation (it folds long lines).
        var source = SubgraphDefinition.Load(Path.Combine(RepoPaths.DepinSubgraph, "subgraph.yaml"));
        Assert.Equal(
            source.Manifest.DataSources.SelectMany(d => d.Mapping.EventHandlers).Select(h => (h.Event, h.Handler)),
            def.Manifest.DataSources.SelectMany(d => d.Mapping.EventHandlers).Select(h => (h.Event, h.Handler)));
    }

    [Fact]
    public void Abis_are_the_compiled_contracts_abis()
    {
        var def = SubgraphDefinition.Load(Path.Combine(RepoPaths.DepinSubgraph, "subgraph.yaml"));
        foreach (var ds in def.Manifest.DataSources)
        {
            var artifact = Ethereum.Abi.ContractAbi.Load(Path.Combine(RepoPaths.Root, "deploy", "build", ds.Name + ".json"));
            var ours = def.GetAbi(ds, ds.Name);
            Assert.Equal(artifact.Events.Select(e => e.ManifestSignature), ours.Events.Select(e => e.ManifestSignature));
            Assert.Equal(artifact.Functions.Select(f => f.Signature), ours.Functions.Select(f => f.Signature));
        }
    }

    [Fact]
    public void Erc20_fixture_loads_from_source_and_build()
    {
        foreach (var manifest in new[] { "subgraph.yaml", Path.Combine("build", "subgraph.yaml") })
        {
            var def = SubgraphDefinition.Load(Path.Combine(RepoPaths.Erc20Fixture, manifest));
            var ds = Assert.Single(def.Manifest.DataSources);
            Assert.Equal(("Token", "ethereum", "devnet"), (ds.Name, ds.Kind, ds.Network));
            Assert.Equal(["Transfer", "Approval"], ds.Mapping.EventHandlers.Select(h => def.GetEvent(h).Name));
            Assert.Equal(Hash32.Parse("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"), def.GetEvent(ds.Mapping.EventHandlers[0]).Topic0);
            Assert.Equal(IdType.Bytes, def.Schema.GetEntityType("AccountBalance").IdType);
        }
    }
}
