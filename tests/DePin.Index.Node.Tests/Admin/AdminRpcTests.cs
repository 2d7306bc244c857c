using System.Text.Json.Nodes;
using DePin.Index.Node.Tests.Fixtures;

namespace DePin.Index.Node.Tests.Admin;

/// <summary>The admin JSON-RPC against a node over a real database, with a subgraph uploaded the way graph-cli uploads it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AdminRpcTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(await postgres.CreateDatabaseAsync());

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Create_returns_an_id_and_refuses_a_duplicate()
    {
        var created = await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "depin/devices" }, id: 7);
        Assert.Equal(7, (int)created["id"]!);
        Assert.Matches("^[0-9a-f]{32}$", (string)created["result"]!["id"]!);
        Assert.False(created.ContainsKey("error"));

        var again = await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "depin/devices" });
        AssertError(again, 2, "subgraph already exists: depin/devices");
    }

    [Fact]
    public async Task Deploy_validates_the_manifest_records_the_version_and_answers_the_routes()
    {
        await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "erc20" });
        var hash = await Erc20Fixture.UploadAsync(_node);
        var deployed = await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "erc20", ["ipfs_hash"] = hash, ["version_label"] = "v1" });
        var result = (JsonObject)deployed["result"]!;
        Assert.Equal($":{_node.Host.HttpPort}/subgraphs/name/erc20/graphql", (string)result["playground"]!);
        Assert.Equal($":{_node.Host.HttpPort}/subgraphs/name/erc20", (string)result["queries"]!);
        Assert.Equal($":{_node.Host.WsPort}/subgraphs/name/erc20", (string)result["subscriptions"]!);

        var record = await _node.Host.Registry.FindDeploymentAsync(hash);
        Assert.NotNull(record);
        Assert.Equal("devnet", record.Network);
        Assert.Equal("1.0.0", record.SpecVersion);
        Assert.Equal("default", record.NodeId);
        Assert.Equal(["erc20"], record.Names);
        Assert.Equal(hash, await _node.Host.Registry.ResolveNameAsync("erc20"));

        // The same deployment under a second name, asking for another node: it keeps its assignment.
        await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "erc20-copy" });
        var copy = await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "erc20-copy", ["ipfs_hash"] = hash, ["node_id"] = "other" });
        Assert.False(copy.ContainsKey("error"));
        record = await _node.Host.Registry.FindDeploymentAsync(hash);
        Assert.Equal("default", record!.NodeId);
        Assert.Equal(["erc20", "erc20-copy"], record.Names);
    }

    [Fact]
    public async Task Deploy_to_an_unknown_name_fails_and_creates_nothing()
    {
        var hash = await Erc20Fixture.UploadAsync(_node);
        var reply = await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "nobody", ["ipfs_hash"] = hash });
        AssertError(reply, 0, "subgraph name not found: nobody");
        Assert.Null(await _node.Host.Registry.FindDeploymentAsync(hash));
    }

    [Theory]
    [InlineData("subgraph.yaml", "specVersion: 1.0.0", "specVersion: [1", "subgraph resolve error:")]
    [InlineData("subgraph.yaml", "handler: handleTransfer", "handler: 7: 8", "subgraph resolve error:")]
    [InlineData("subgraph.yaml", "network: devnet", "network: devnet\n    bogus: key", "bogus")]
    [InlineData("subgraph.yaml", "Transfer(indexed address,indexed address,uint256)", "Transfer(address,address,bool)", "Transfer")]
    [InlineData("schema.graphql", "type Token @entity", "type Token @entity(immutable: maybe)", "subgraph validation error: [schema validation failed:")]
    [InlineData("schema.graphql", "type Token @entity", "type 123 Token @entity", "subgraph validation error:")]
    [InlineData("Token/ERC20.json", "\"Transfer\"", "\"Transfers\"", "Transfer")]
    [InlineData("Token/ERC20.json", "[", "{[", "ABI")]
    public async Task Deploy_rejects_a_bad_manifest_schema_or_abi_and_creates_nothing(string file, string find, string replace, string message)
    {
        await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "broken" });
        var hash = await Erc20Fixture.UploadAsync(_node, (path, text) =>
        {
            if (path != file)
            {
                return text;
            }

            Assert.Contains(find, text, StringComparison.Ordinal);
            var at = text.IndexOf(find, StringComparison.Ordinal);
            return text[..at] + replace + text[(at + find.Length)..];
        });
        var reply = await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "broken", ["ipfs_hash"] = hash });
        AssertError(reply, 0, message);
        Assert.Null(await _node.Host.Registry.FindDeploymentAsync(hash));
        Assert.Null(await _node.Host.Registry.ResolveNameAsync("broken"));
    }

    [Fact]
    public async Task Deploy_of_a_hash_the_store_lacks_or_of_a_non_manifest_is_a_resolve_error()
    {
        await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "ghost" });
        var missing = await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "ghost", ["ipfs_hash"] = "QmWmVrwNZvFYfrQcZ4JaJDaXN8ULxwaUUTPAn2oHRzGmCF" });
        AssertError(missing, 0, "subgraph resolve error: resolve error: block was not found locally");

        var binary = await _node.AddFileAsync("x.bin", [0xff, 0xfe, 0x00, 0x01]);
        AssertError(await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "ghost", ["ipfs_hash"] = binary }), 0, "not UTF-8");

        var local = await _node.AddFileAsync("subgraph.yaml", File.ReadAllBytes(Path.Combine(Erc20Fixture.Folder, "subgraph.yaml")));
        AssertError(await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "ghost", ["ipfs_hash"] = local }), 0, "is not an IPFS link");
    }

    [Fact]
    public async Task Remove_drops_the_name_and_unassigns_deployments_no_name_uses()
    {
        await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "gone" });
        var hash = await Erc20Fixture.UploadAsync(_node);
        await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "gone", ["ipfs_hash"] = hash });

        var removed = await _node.RpcAsync("subgraph_remove", new JsonObject { ["name"] = "gone" });
        Assert.True(removed.ContainsKey("result"));
        Assert.Null(removed["result"]);
        Assert.Null(await _node.Host.Registry.ResolveNameAsync("gone"));
        var record = await _node.Host.Registry.FindDeploymentAsync(hash);
        Assert.NotNull(record);
        Assert.Null(record.NodeId);
        Assert.Empty(record.Names);

        AssertError(await _node.RpcAsync("subgraph_remove", new JsonObject { ["name"] = "gone" }), 1, "subgraph name not found: gone");

        // Deploying it again under a new name assigns it once more.
        await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "back" });
        await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "back", ["ipfs_hash"] = hash, ["node_id"] = "node_b" });
        Assert.Equal("node_b", (await _node.Host.Registry.FindDeploymentAsync(hash))!.NodeId);
    }

    [Fact]
    public async Task Reassign_moves_a_deployment_and_reports_unknown_or_unchanged_ones()
    {
        await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "moving" });
        var hash = await Erc20Fixture.UploadAsync(_node);
        await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "moving", ["ipfs_hash"] = hash });

        var moved = await _node.RpcAsync("subgraph_reassign", new JsonObject { ["ipfs_hash"] = hash, ["node_id"] = "index_node_2" });
        Assert.False(moved.ContainsKey("error"));
        Assert.Equal("index_node_2", (await _node.Host.Registry.FindDeploymentAsync(hash))!.NodeId);
        Assert.Single(await _node.Host.Registry.ListDeploymentsAsync("index_node_2"));
        Assert.Empty(await _node.Host.Registry.ListDeploymentsAsync("default"));

        AssertError(await _node.RpcAsync("subgraph_reassign", new JsonObject { ["ipfs_hash"] = hash, ["node_id"] = "index_node_2" }),
            3, $"deployment assignment unchanged: {hash}");
        AssertError(await _node.RpcAsync("subgraph_reassign",
            new JsonObject { ["ipfs_hash"] = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", ["node_id"] = "x" }),
            3, "deployment not found: QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
        AssertError(await _node.RpcAsync("subgraph_reassign", new JsonObject { ["ipfs_hash"] = hash, ["node_id"] = "Bad Node!" }),
            -32602, "invalid node id");
    }

    internal static void AssertError(JsonObject reply, int code, string message)
    {
        Assert.Equal("2.0", (string)reply["jsonrpc"]!);
        Assert.False(reply.ContainsKey("result"), reply.ToJsonString());
        var error = (JsonObject)reply["error"]!;
        Assert.Equal(code, (int)error["code"]!);
        Assert.Contains(message, (string)error["message"]!, StringComparison.Ordinal);
    }
}
