using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Subgraph.Tests.Manifest;

public class ManifestErrorTests
{
    // A valid manifest; each row edits it (old text → new text, in order) and names the exact error.
    internal const string Valid = """
        specVersion: 1.0.0
        schema:
          file: ./schema.graphql
        dataSources:
          - kind: ethereum/contract
            name: Token
            network: devnet
            source:
              address: "0x5FbDB2315678afecb367f032d93F642f64180aa3"
              abi: ERC20
              startBlock: 5
            mapping:
              kind: ethereum/events
              apiVersion: 0.0.9
              language: wasm/assemblyscript
              entities:
                - Transfer
              abis:
                - name: ERC20
                  file: ./abis/ERC20.json
              eventHandlers:
                - event: Transfer(indexed address,indexed address,uint256)
                  handler: handleTransfer
              file: ./src/mapping.ts

        """;

    private const string Template = """
        templates:
          - kind: ethereum/contract
            name: Pair
            network: devnet
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
                - event: Transfer(indexed address,indexed address,uint256)
                  handler: handleTransfer
              file: ./src/mapping.ts

        """;

    public static TheoryData<string[], string> Rows() => new()
    {
        { ["startBlock: 5", "startBlock: soon"], "subgraph.yaml:11:19: dataSources[0].source.startBlock: must be a non-negative integer up to 2147483647, not 'soon'" },
        { ["startBlock: 5", "startBlock: -1"], "subgraph.yaml:11:19: dataSources[0].source.startBlock: must be a non-negative integer up to 2147483647, not '-1'" },
        { ["      abi: ERC20\n", ""], "subgraph.yaml:9:7: dataSources[0].source.abi: required key is missing" },
        { ["0x5FbDB2315678afecb367f032d93F642f64180aa3", "0x1234"], "subgraph.yaml:9:16: dataSources[0].source.address: must be a 20-byte hex address (0x followed by 40 hex digits), not '0x1234'" },
        { ["kind: ethereum/contract", "kind: file/ipfs"], "subgraph.yaml:5:11: dataSources[0].kind: data source kind 'file/ipfs' is not supported (supported: ethereum/contract, ethereum)" },
        { ["specVersion: 1.0.0", "specVersion: 2.0.0"], "subgraph.yaml:1:14: specVersion: specVersion 2.0.0 is not supported (supported: 0.0.2 to 1.3.0)" },
        { ["specVersion: 1.0.0", "specVersion: one"], "subgraph.yaml:1:14: specVersion: must be a version like 1.0.0, not 'one'" },
        { ["specVersion: 1.0.0\n", ""], "subgraph.yaml:1:1: specVersion: required key is missing" },
        { ["apiVersion: 0.0.9", "apiVersion: 0.0.10"], "subgraph.yaml:14:19: dataSources[0].mapping.apiVersion: apiVersion 0.0.10 is not supported (the highest is 0.0.9)" },
        { ["language: wasm/assemblyscript", "language: wasm/rust"], "subgraph.yaml:15:17: dataSources[0].mapping.language: mapping language 'wasm/rust' is not supported (expected wasm/assemblyscript)" },
        { ["kind: ethereum/events", "kind: ethereum/calls"], "subgraph.yaml:13:13: dataSources[0].mapping.kind: mapping kind 'ethereum/calls' is not supported (expected ethereum/events)" },
        { ["network: devnet", "netwrk: devnet"], "subgraph.yaml:7:5: dataSources[0].netwrk: unknown key (expected one of: kind, name, network, source, mapping, context)" },
        { ["    network: devnet\n", ""], "subgraph.yaml:5:5: dataSources[0].network: required key is missing" },
        { ["schema:", "schemas:"], "subgraph.yaml:2:1: schemas: unknown key (expected one of: specVersion, description, repository, schema, dataSources, templates, features, graft, indexerHints)" },
        { ["event: Transfer(indexed address,indexed address,uint256)", "event: Transfer"], "subgraph.yaml:22:18: dataSources[0].mapping.eventHandlers[0].event: must be an event signature like Transfer(indexed address,indexed address,uint256), not 'Transfer'" },
        { ["          handler: handleTransfer\n", ""], "subgraph.yaml:22:11: dataSources[0].mapping.eventHandlers[0].handler: required key is missing" },
        { ["handler: handleTransfer", "handler: handleTransfer\n          topic1: [\"0x01\"]"], "subgraph.yaml:24:19: dataSources[0].mapping.eventHandlers[0].topic1: needs specVersion 1.2.0 or later (the manifest has 1.0.0)" },
        { ["specVersion: 1.0.0", "specVersion: 1.2.0", "handler: handleTransfer", "handler: handleTransfer\n          topic1: [\"0x01\"]"], "subgraph.yaml:24:20: dataSources[0].mapping.eventHandlers[0].topic1[0]: must be a 32-byte hex topic (0x followed by 64 hex digits), not '0x01'" },
        { ["handler: handleTransfer", "handler: handleTransfer\n          receipt: maybe"], "subgraph.yaml:24:20: dataSources[0].mapping.eventHandlers[0].receipt: must be true or false, not 'maybe'" },
        { ["apiVersion: 0.0.9", "apiVersion: 0.0.6", "handler: handleTransfer", "handler: handleTransfer\n          receipt: true"], "subgraph.yaml:24:20: dataSources[0].mapping.eventHandlers[0].receipt: transaction receipts need apiVersion 0.0.7 or later (the mapping has 0.0.6)" },
        { ["handler: handleTransfer", "handler: handleTransfer\n          calls:\n            b: ERC20[event.address].balanceOf(event.params.to)"], "subgraph.yaml:25:13: dataSources[0].mapping.eventHandlers[0].calls: needs specVersion 1.2.0 or later (the manifest has 1.0.0)" },
        { ["      file: ./src/mapping.ts", "      blockHandlers:\n        - handler: a\n          filter: { kind: polling }\n      file: ./src/mapping.ts"], "subgraph.yaml:26:19: dataSources[0].mapping.blockHandlers[0].filter.every: required key is missing" },
        { ["      file: ./src/mapping.ts", "      blockHandlers:\n        - handler: a\n          filter: { kind: polling, every: 0 }\n      file: ./src/mapping.ts"], "subgraph.yaml:26:43: dataSources[0].mapping.blockHandlers[0].filter.every: must be a positive integer up to 2147483647, not '0'" },
        { ["      file: ./src/mapping.ts", "      blockHandlers:\n        - handler: a\n          filter: { kind: hourly }\n      file: ./src/mapping.ts"], "subgraph.yaml:26:27: dataSources[0].mapping.blockHandlers[0].filter.kind: unknown block handler filter 'hourly' (expected call, once or polling)" },
        { ["specVersion: 1.0.0", "specVersion: 0.0.7", "      file: ./src/mapping.ts", "      blockHandlers:\n        - handler: a\n          filter: { kind: once }\n      file: ./src/mapping.ts"], "subgraph.yaml:26:27: dataSources[0].mapping.blockHandlers[0].filter.kind: needs specVersion 0.0.8 or later (the manifest has 0.0.7)" },
        { ["      file: ./src/mapping.ts", "      blockHandlers:\n        - handler: a\n        - handler: b\n      file: ./src/mapping.ts"], "subgraph.yaml:25:9: dataSources[0].mapping.blockHandlers: a data source may have one block handler of each kind; 'unfiltered' appears 2 times" },
        { ["      file: ./src/mapping.ts", "      blockHandlers:\n        - handler: a\n        - handler: b\n          filter: { kind: once }\n      file: ./src/mapping.ts"], "subgraph.yaml:25:9: dataSources[0].mapping.blockHandlers: an unfiltered block handler cannot be combined with once or polling block handlers" },
        { ["      address: \"0x5FbDB2315678afecb367f032d93F642f64180aa3\"\n", "", "      file: ./src/mapping.ts", "      blockHandlers:\n        - handler: a\n      file: ./src/mapping.ts"], "subgraph.yaml:5:5: dataSources[0].source.address: call and block handlers need the data source's contract address" },
        { ["startBlock: 5", "startBlock: 5\n      endBlock: 4"], "subgraph.yaml:12:17: dataSources[0].source.endBlock: endBlock 4 is before startBlock 5" },
        { ["specVersion: 1.0.0", "specVersion: 0.0.8", "startBlock: 5", "startBlock: 5\n      endBlock: 9"], "subgraph.yaml:12:17: dataSources[0].source.endBlock: needs specVersion 0.0.9 or later (the manifest has 0.0.8)" },
        { ["abi: ERC20", "abi: ERC721"], "subgraph.yaml:5:5: dataSources[0].source.abi: 'ERC721' is not one of the mapping's ABIs (ERC20)" },
        { ["          file: ./abis/ERC20.json\n", "          file: ./abis/ERC20.json\n        - name: ERC20\n          file: ./abis/Other.json\n"], "subgraph.yaml:21:17: dataSources[0].mapping.abis[1].name: ABI name 'ERC20' is listed twice" },
        { ["      file: ./src/mapping.ts\n", ""], "subgraph.yaml:13:7: dataSources[0].mapping.file: required key is missing" },
        { ["  file: ./schema.graphql", "  file: [./schema.graphql"], "subgraph.yaml: invalid YAML: the YAML parser gave up (check brackets, quotes, anchors and indentation)" },
        { ["    name: Token", "   name: Token"], "subgraph.yaml:6:4: invalid YAML: While parsing a block collection, did not find expected '-' indicator." },
        { ["specVersion: 1.0.0", "specVersion: 1.0.0\nfeatures: [fastSync]"], "subgraph.yaml:2:12: features[0]: unknown feature 'fastSync' (known: nonFatalErrors, grafting, fullTextSearch, aggregations, bytesAsIds, declaredEthCalls, immutableEntities, ipfsOnEthereumContracts)" },
        { ["specVersion: 1.0.0", "specVersion: 1.0.0\ngraft:\n  base: QmXgUXwEWj8T2kFHgCyy3rZ8eZRN6sMNVnpTfUjYbLRyzV\n  block: 7"], "subgraph.yaml:3:3: graft: grafting is used but the `grafting` feature is not declared in `features`" },
        { ["specVersion: 1.0.0", "specVersion: 1.0.0\nindexerHints:\n  prune: sometimes"], "subgraph.yaml:3:10: indexerHints.prune: must be auto, never or a positive number of blocks, not 'sometimes'" },
        { ["specVersion: 1.0.0", "specVersion: 0.0.9\nindexerHints:\n  prune: auto"], "subgraph.yaml:3:3: indexerHints: needs specVersion 1.0.0 or later (the manifest has 0.0.9)" },
        { ["dataSources:\n", "dataSources: []\nx:\n"], "subgraph.yaml:5:1: x: unknown key (expected one of: specVersion, description, repository, schema, dataSources, templates, features, graft, indexerHints)" },
        { ["file: ./src/mapping.ts\n", "file: ./src/mapping.ts\n" + Template.Replace("    network: devnet", "    network: mainnet", StringComparison.Ordinal)], "subgraph.yaml:26:5: templates[0].network: 'mainnet' differs from 'devnet' of dataSources[0]: all data sources and templates must use the same network" },
        { ["file: ./src/mapping.ts\n", "file: ./src/mapping.ts\n" + Template.Replace("      abi: ERC20", "      address: \"0x5FbDB2315678afecb367f032d93F642f64180aa3\"\n      abi: ERC20", StringComparison.Ordinal)], "subgraph.yaml:30:16: templates[0].source.address: a template has no address: it gets one when the mapping creates a data source from it" },
        { ["file: ./src/mapping.ts\n", "file: ./src/mapping.ts\n" + Template.Replace("apiVersion: 0.0.9", "apiVersion: 0.0.8", StringComparison.Ordinal)], "subgraph.yaml:26:5: templates[0].mapping.apiVersion: 0.0.8 differs from 0.0.9 of dataSources[0]: all mappings must use the same apiVersion" },
        { ["file: ./src/mapping.ts\n", "file: ./src/mapping.ts\n" + Template + Template.Replace("templates:\n", "", StringComparison.Ordinal)], "subgraph.yaml:43:5: templates[1].name: 'Pair' is already the name of templates[0]" },
        { ["    name: Token\n", "    name: Token\n    context:\n      x: { type: Float, data: 1.5 }\n"], "subgraph.yaml:8:18: dataSources[0].context.x.type: unknown context value type 'Float' (expected String, Int, Int8, BigInt, BigDecimal, Bool, Bytes, Timestamp, List or Null)" },
        { ["    name: Token\n", "    name: Token\n    context:\n      x: { type: BigInt, data: lots }\n"], "subgraph.yaml:8:32: dataSources[0].context.x.data: not a valid BigInt: The value could not be parsed." },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Invalid_manifest_is_reported_with_file_line_and_key(string[] edits, string message)
    {
        var yaml = Valid;
        for (var i = 0; i < edits.Length; i += 2)
        {
            Assert.Contains(edits[i], yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(edits[i], edits[i + 1], StringComparison.Ordinal);
        }

        var e = Assert.Throws<ManifestException>(() => SubgraphManifest.Parse(yaml));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void The_valid_base_manifest_parses()
    {
        var m = SubgraphManifest.Parse(Valid);
        Assert.Equal("Token", m.DataSources[0].Name);
        Assert.Equal("Pair", SubgraphManifest.Parse(Valid + Template).Templates[0].Name);
    }

    [Fact]
    public void Error_exposes_file_line_column_and_key()
    {
        var e = Assert.Throws<ManifestException>(() => SubgraphManifest.Parse(Valid.Replace("startBlock: 5", "startBlock: x", StringComparison.Ordinal), "my/subgraph.yaml"));
        Assert.Equal(("my/subgraph.yaml", 11, 19, "dataSources[0].source.startBlock"), (e.File, e.Line, e.Column, e.KeyPath));
        Assert.Equal("must be a non-negative integer up to 2147483647, not 'x'", e.Problem);
    }

    [Theory]
    [InlineData("", "subgraph.yaml: the manifest is empty")]
    [InlineData("- a\n- b\n", "subgraph.yaml:1:1: must be a mapping (key: value pairs), not a list")]
    [InlineData("specVersion: 1.0.0\nschema: { file: s.graphql }\ndataSources: []\n", "subgraph.yaml:3:14: dataSources: a subgraph needs at least one data source")]
    [InlineData("specVersion: 1.0.0\nspecVersion: 1.0.0\n", "subgraph.yaml:2:1: invalid YAML: Duplicate key specVersion")]
    public void Degenerate_documents_are_reported(string yaml, string message)
    {
        var e = Assert.Throws<ManifestException>(() => SubgraphManifest.Parse(yaml));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Missing_file_is_a_manifest_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "subgraph.yaml");
        var e = Assert.Throws<ManifestException>(() => SubgraphManifest.Load(path));
        Assert.StartsWith($"{path}: cannot read the manifest: ", e.Message, StringComparison.Ordinal);
    }
}
