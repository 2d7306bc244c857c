using DePin.Index.Subgraph.Manifest;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Tests.Manifest;

namespace DePin.Index.Subgraph.Tests;

/// <summary>Manifests whose files (schema, ABIs) do not fit them: checked by <see cref="SubgraphDefinition"/>.</summary>
public sealed class SubgraphDefinitionErrorTests : IDisposable
{
    private const string Schema = "type Transfer @entity(immutable: true) { id: Bytes! value: BigInt! }\n";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("subgraph-");

    public SubgraphDefinitionErrorTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "abis"));
        File.Copy(Path.Combine(RepoPaths.Erc20Fixture, "abis", "ERC20.json"), Path.Combine(_dir.FullName, "abis", "ERC20.json"));
        File.WriteAllText(Path.Combine(_dir.FullName, "schema.graphql"), Schema);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private SubgraphDefinition Load(string manifest)
    {
        var path = Path.Combine(_dir.FullName, "subgraph.yaml");
        File.WriteAllText(path, manifest);
        return SubgraphDefinition.Load(path);
    }

    private string Manifest(params string[] edits)
    {
        var yaml = ManifestErrorTests.Valid;
        for (var i = 0; i < edits.Length; i += 2)
        {
            Assert.Contains(edits[i], yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(edits[i], edits[i + 1], StringComparison.Ordinal);
        }

        return yaml;
    }

    [Fact]
    public void The_base_manifest_loads()
    {
        var def = Load(Manifest());
        Assert.Equal("Transfer", def.GetEvent(def.Manifest.DataSources[0].Mapping.EventHandlers[0]).Name);
    }

    [Fact]
    public void An_event_without_indexed_markers_matches_when_the_name_is_unique()
    {
        var def = Load(Manifest("Transfer(indexed address,indexed address,uint256)", "Transfer(address,address,uint256)"));
        Assert.Equal("Transfer", def.GetEvent(def.Manifest.DataSources[0].Mapping.EventHandlers[0]).Name);
    }

    [Theory]
    [InlineData("Transfer(indexed address,indexed address,uint256)", "Transfer(indexed address,address,uint256)",
        "subgraph.yaml:22:11: dataSources[0].mapping.eventHandlers[0].event: event 'Transfer(indexed address,address,uint256)' is not in ABI 'ERC20'; its events are: Transfer(indexed address,indexed address,uint256), Approval(indexed address,indexed address,uint256)")]
    [InlineData("Transfer(indexed address,indexed address,uint256)", "Mint(indexed address,uint256)",
        "subgraph.yaml:22:11: dataSources[0].mapping.eventHandlers[0].event: event 'Mint(indexed address,uint256)' is not in ABI 'ERC20'; its events are: Transfer(indexed address,indexed address,uint256), Approval(indexed address,indexed address,uint256)")]
    [InlineData("      file: ./src/mapping.ts", "      callHandlers:\n        - function: mint(address,uint256)\n          handler: handleMint\n      file: ./src/mapping.ts",
        "subgraph.yaml:25:11: dataSources[0].mapping.callHandlers[0].function: function 'mint(address,uint256)' is not in ABI 'ERC20'; its functions are: name(), symbol(), decimals(), totalSupply(), balanceOf(address), allowance(address,address), transfer(address,uint256), approve(address,uint256), transferFrom(address,address,uint256)")]
    [InlineData("./abis/ERC20.json", "./abis/Missing.json",
        "subgraph.yaml:19:11: dataSources[0].mapping.abis[0].file: cannot read {dir}/abis/Missing.json: Could not find file '{dir}/abis/Missing.json'.")]
    public void Handlers_and_files_are_checked(string old, string replacement, string message)
    {
        var path = Path.Combine(_dir.FullName, "subgraph.yaml");
        var e = Assert.Throws<ManifestException>(() => Load(Manifest(old, replacement)));
        Assert.Equal(message.Replace("{dir}", _dir.FullName, StringComparison.Ordinal), e.Message.Replace(path, "subgraph.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Declared_calls_must_name_a_function_of_their_abi()
    {
        var yaml = Manifest("specVersion: 1.0.0", "specVersion: 1.2.0",
            "handler: handleTransfer", "handler: handleTransfer\n          calls:\n            b: ERC20[event.address].balance(event.params.to)");
        var e = Assert.Throws<ManifestException>(() => Load(yaml));
        Assert.EndsWith("subgraph.yaml:22:11: dataSources[0].mapping.eventHandlers[0].calls.b: ABI 'ERC20' has no function 'balance'", e.Message, StringComparison.Ordinal);
        Load(yaml.Replace(".balance(", ".balanceOf(", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"abi\": 7}")]
    [InlineData("[{\"type\": \"event\"}]")]
    [InlineData("")]
    public void Abi_files_that_are_not_abis_are_manifest_errors(string content)
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "abis", "ERC20.json"), content);
        var e = Assert.Throws<ManifestException>(() => Load(Manifest()));
        Assert.Contains("subgraph.yaml:19:11: dataSources[0].mapping.abis[0].file: ABI 'ERC20' (", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_abi_names_the_file()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "abis", "ERC20.json"), """[{ "type": "event", "name": "Transfer", "inputs": [{ "name": "a", "type": "uint257" }] }]""");
        var e = Assert.Throws<ManifestException>(() => Load(Manifest()));
        Assert.Contains("subgraph.yaml:19:11: dataSources[0].mapping.abis[0].file: ABI 'ERC20' (" + Path.Combine(_dir.FullName, "abis", "ERC20.json") + ") is invalid: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("uint257", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_schema_is_a_schema_exception_naming_the_schema_file()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "schema.graphql"), "type Transfer @entity(immutable: true) { id: Bytes! value: Big! }\n");
        var e = Assert.Throws<SchemaException>(() => Load(Manifest()));
        Assert.Equal($"{Path.Combine(_dir.FullName, "schema.graphql")}:1:53: type `Transfer`, field `value`: type `Big` is not defined", e.Message);
    }

    [Fact]
    public void Fulltext_needs_the_feature()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "schema.graphql"), Schema.Replace("value: BigInt!", "value: BigInt! memo: String", StringComparison.Ordinal)
            + "type _Schema_ @fulltext(name: \"memos\", language: en, algorithm: rank, include: [{ entity: \"Transfer\", fields: [{ name: \"memo\" }] }])\n");
        var e = Assert.Throws<ManifestException>(() => Load(Manifest()));
        Assert.EndsWith("subgraph.yaml: features: the schema uses @fulltext but the `fullTextSearch` feature is not declared", e.Message, StringComparison.Ordinal);
        var def = Load(Manifest("specVersion: 1.0.0", "specVersion: 1.0.0\nfeatures:\n  - fullTextSearch"));
        Assert.Equal("memos", Assert.Single(def.Schema.Fulltexts).Name);
    }

    [Fact]
    public void Ipfs_links_need_a_reader()
    {
        var m = SubgraphManifest.Parse(Manifest("file: ./schema.graphql", "file: { /: /ipfs/QmSchema }"), "subgraph.yaml", _dir.FullName);
        var e = Assert.Throws<ManifestException>(() => SubgraphDefinition.From(m));
        Assert.Equal("subgraph.yaml: schema.file: cannot read /ipfs/QmSchema: an IPFS link needs a reader that can fetch it", e.Message);

        var files = new Dictionary<string, string>
        {
            ["QmSchema"] = Schema,
        };
        var def = SubgraphDefinition.From(m, link => link.IsIpfs ? files[link.IpfsHash!] : File.ReadAllText(link.FullPath!));
        Assert.True(def.Schema.HasEntityType("Transfer"));
    }
}
