using System.Text.RegularExpressions;
using DePin.Index.Devnet;
using DePin.Index.Node.Ipfs;
using DePin.Index.Node.Tests.Fixtures;

namespace DePin.Index.Node.Tests.GraphCli;

/// <summary>
/// The unmodified, pinned graph-cli (subgraphs/node_modules/.bin/graph) against the node: `graph create` and
/// `graph deploy --node … --ipfs …` of the erc20 fixture subgraph, run in a temporary copy of its folder (graph deploy
/// rebuilds into build/ and may rewrite files).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class GraphCliDeployTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestNode _node = null!;
    private string _work = "";

    private static string Graph => Path.Combine(RepoPaths.Find().Root, "subgraphs", "node_modules", ".bin", "graph");

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(await postgres.CreateDatabaseAsync());
        await Erc20Fixture.EnsureBuiltAsync();
        _work = Directory.CreateTempSubdirectory("depin-graph-cli-").FullName;
        foreach (var item in new[] { "subgraph.yaml", "schema.graphql", "abis", "src", "generated" })
        {
            Copy(Path.Combine(Erc20Fixture.Folder, item), Path.Combine(_work, item));
        }

        File.CreateSymbolicLink(Path.Combine(_work, "node_modules"), Path.Combine(RepoPaths.Find().Root, "subgraphs", "node_modules"));
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Graph_create_and_deploy_work_unmodified_and_the_deployment_id_is_the_manifests_cid()
    {
        var node = $"http://127.0.0.1:{_node.Host.AdminPort}/";
        var ipfs = $"http://127.0.0.1:{_node.Host.IpfsPort}";

        var (code, output) = await GraphAsync("create", "--node", node, "depin/erc20", "--access-token", TestNode.Token);
        Assert.True(code == 0, output);
        Assert.Contains("Created subgraph: depin/erc20", output, StringComparison.Ordinal);

        (code, output) = await GraphAsync("deploy", "--node", node, "--ipfs", ipfs, "depin/erc20", "subgraph.yaml",
            "--version-label", "v1", "--access-token", TestNode.Token);
        Assert.True(code == 0, output);
        var printed = BuildCompleted().Match(output);
        Assert.True(printed.Success, output);
        var deploymentId = printed.Groups[1].Value;
        Assert.Contains($"Deployed to http://127.0.0.1:{_node.Host.HttpPort}/subgraphs/name/depin/erc20/graphql", output, StringComparison.Ordinal);
        Assert.Contains($"Queries (HTTP):     http://127.0.0.1:{_node.Host.HttpPort}/subgraphs/name/depin/erc20", output, StringComparison.Ordinal);

        // The registry points the name at the id graph-cli printed, assigned to this node.
        Assert.Equal(deploymentId, await _node.Host.Registry.ResolveNameAsync("depin/erc20"));
        var record = await _node.Host.Registry.FindDeploymentAsync(deploymentId);
        Assert.Equal(("devnet", "default"), (record!.Network, record.NodeId));

        // The id is the CIDv0 of the manifest bytes graph-cli uploaded, recomputed here from what the store holds.
        var reader = new UnixFsReader(_node.Host.IpfsStore);
        var manifest = await reader.ReadAllAsync(Cid.Parse(deploymentId));
        Assert.Equal(deploymentId, UnixFsImporter.AddFile(manifest, []).Cid.Text);

        // Each file the manifest links is byte for byte what graph-cli built, under the CID of those bytes.
        var links = IpfsLink().Matches(System.Text.Encoding.UTF8.GetString(manifest)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(3, links.Count); // schema, ABI, mapping wasm
        var built = new[] { "schema.graphql", "Token/ERC20.json", "Token/Token.wasm" }
            .Select(f => File.ReadAllBytes(Path.Combine(_work, "build", f)))
            .ToDictionary(b => UnixFsImporter.AddFile(b, []).Cid.Text, b => b);
        foreach (var link in links)
        {
            Assert.True(built.TryGetValue(link, out var bytes), $"{link} is not the CID of a built file");
            Assert.Equal(bytes, await reader.ReadAllAsync(Cid.Parse(link)));
        }
    }

    [Fact]
    public async Task Graph_create_without_the_token_fails_with_the_auth_message()
    {
        var (code, output) = await GraphAsync("create", "--node", $"http://127.0.0.1:{_node.Host.AdminPort}/", "depin/denied");
        Assert.NotEqual(0, code);
        Assert.Contains("auth failure", output, StringComparison.Ordinal);
        Assert.Null(await _node.Host.Registry.ResolveNameAsync("depin/denied"));
    }

    private Task<(int ExitCode, string Output)> GraphAsync(params string[] args) =>
        Erc20Fixture.RunAsync(Graph, args, _work, TimeSpan.FromMinutes(4),
            new Dictionary<string, string> { ["HOME"] = _work, ["NO_COLOR"] = "1", ["FORCE_COLOR"] = "0" });

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            File.Copy(from, to);
            return;
        }

        Directory.CreateDirectory(to);
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            Copy(entry, Path.Combine(to, Path.GetFileName(entry)));
        }
    }

    [GeneratedRegex(@"Build completed: (Qm[1-9A-HJ-NP-Za-km-z]{44})")]
    private static partial Regex BuildCompleted();

    [GeneratedRegex(@"/ipfs/(Qm[1-9A-HJ-NP-Za-km-z]{44})")]
    private static partial Regex IpfsLink();
}
