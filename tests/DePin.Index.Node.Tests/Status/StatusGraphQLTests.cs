using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DePin.Index.Node.Status;
using DePin.Index.Node.Tests.Fixtures;

namespace DePin.Index.Node.Tests.Status;

/// <summary>graph-node's index-node GraphQL API on the status port's <c>POST /graphql</c>, over HTTP, against a node with one deployment.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StatusGraphQLTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Unknown = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";

    private const string Fields = """
        subgraph synced health entityCount node paused historyBlocks
        fatalError { message block { number hash } handler deterministic }
        nonFatalErrors { message block { number hash } handler deterministic }
        chains { network chainHeadBlock { number hash } earliestBlock { number hash } latestBlock { number hash } lastHealthyBlock { number hash } }
        """;

    private readonly IndexingStatusBoard _board = new();
    private TestNode _node = null!;
    private string _hash = "";

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(await postgres.CreateDatabaseAsync(), configure: b => b.StatusSource = _board);
        await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "status/erc20" });
        _hash = await Erc20Fixture.UploadAsync(_node);
        var reply = await _node.RpcAsync("subgraph_deploy", new JsonObject { ["name"] = "status/erc20", ["ipfs_hash"] = _hash });
        Assert.False(reply.ContainsKey("error"), reply.ToJsonString());
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task IndexingStatuses_shows_graph_nodes_fields_from_the_reported_progress()
    {
        var errorHash = "0x" + new string('c', 64);
        _board.Report(_hash, new IndexingProgress
        {
            Health = IndexingHealth.Failed,
            ChainHead = new StatusBlock(120, "0x" + new string('a', 64)),
            LatestBlock = new StatusBlock(100, "0x" + new string('b', 64)),
            LastHealthyBlock = new StatusBlock(100, "0x" + new string('b', 64)),
            EarliestBlock = 7,
            EntityCount = 4242,
            FatalError = new IndexingError("Mapping aborted", new StatusBlock(101, errorHash), "handleTransfer", true),
            NonFatalErrors = [new IndexingError("retrying", null, null, false)],
        });

        var all = await DataAsync("{ indexingStatuses { " + Fields + " } }");
        var s = Assert.Single(all["indexingStatuses"]!.AsArray())!;
        Assert.Equal(_hash, (string)s["subgraph"]!);
        Assert.False((bool)s["synced"]!);
        Assert.Equal("failed", (string)s["health"]!);
        Assert.Equal("4242", (string)s["entityCount"]!);
        Assert.Equal("default", (string)s["node"]!);
        Assert.False((bool)s["paused"]!);
        Assert.Equal(int.MaxValue, (int)s["historyBlocks"]!);
        Assert.Equal("Mapping aborted", (string)s["fatalError"]!["message"]!);
        Assert.Equal("101", (string)s["fatalError"]!["block"]!["number"]!);
        Assert.Equal(errorHash, (string)s["fatalError"]!["block"]!["hash"]!);
        Assert.Equal("handleTransfer", (string)s["fatalError"]!["handler"]!);
        Assert.True((bool)s["fatalError"]!["deterministic"]!);
        var nonFatal = Assert.Single(s["nonFatalErrors"]!.AsArray())!;
        Assert.Equal("retrying", (string)nonFatal["message"]!);
        Assert.Null(nonFatal["block"]);
        var chain = Assert.Single(s["chains"]!.AsArray())!;
        Assert.Equal("devnet", (string)chain["network"]!);
        Assert.Equal("120", (string)chain["chainHeadBlock"]!["number"]!);
        Assert.Equal("0x" + new string('a', 64), (string)chain["chainHeadBlock"]!["hash"]!);
        Assert.Equal("7", (string)chain["earliestBlock"]!["number"]!);
        Assert.Equal("100", (string)chain["latestBlock"]!["number"]!);
        Assert.Equal("100", (string)chain["lastHealthyBlock"]!["number"]!);

        var typed = await DataAsync("{ indexingStatuses { chains { __typename ... on EthereumIndexingStatus { network } } } }");
        Assert.Equal("EthereumIndexingStatus", (string)typed["indexingStatuses"]![0]!["chains"]![0]!["__typename"]!);

        var filtered = await DataAsync("query($ids: [String!]) { indexingStatuses(subgraphs: $ids) { subgraph health } }",
            new JsonObject { ["ids"] = new JsonArray(_hash, Unknown) });
        Assert.Equal(_hash, (string)Assert.Single(filtered["indexingStatuses"]!.AsArray())!["subgraph"]!);
        Assert.Empty((await DataAsync($"{{ indexingStatuses(subgraphs: [\"{Unknown}\"]) {{ subgraph }} }}"))["indexingStatuses"]!.AsArray());
    }

    [Fact]
    public async Task A_deployment_not_yet_indexed_is_healthy_with_no_blocks()
    {
        var s = (await DataAsync("{ indexingStatusForCurrentVersion(subgraphName: \"status/erc20\") { " + Fields + " } }"))["indexingStatusForCurrentVersion"]!;
        Assert.Equal(_hash, (string)s["subgraph"]!);
        Assert.Equal("healthy", (string)s["health"]!);
        Assert.Equal("0", (string)s["entityCount"]!);
        Assert.Null(s["fatalError"]);
        Assert.Empty(s["nonFatalErrors"]!.AsArray());
        Assert.Null(s["chains"]![0]!["latestBlock"]);
        Assert.Null(s["chains"]![0]!["earliestBlock"]);
    }

    [Fact]
    public async Task Subgraph_names_resolve_to_their_current_version_and_unknown_names_to_nothing()
    {
        _board.Report(_hash, new IndexingProgress { Synced = true, EntityCount = 3 });
        var current = await DataAsync("query($n: String!) { indexingStatusForCurrentVersion(subgraphName: $n) { subgraph synced entityCount } }",
            new JsonObject { ["n"] = "status/erc20" });
        Assert.Equal(_hash, (string)current["indexingStatusForCurrentVersion"]!["subgraph"]!);
        Assert.True((bool)current["indexingStatusForCurrentVersion"]!["synced"]!);
        Assert.Equal("3", (string)current["indexingStatusForCurrentVersion"]!["entityCount"]!);

        var byName = await DataAsync("{ indexingStatusesForSubgraphName(subgraphName: \"status/erc20\") { subgraph } }");
        Assert.Equal(_hash, (string)Assert.Single(byName["indexingStatusesForSubgraphName"]!.AsArray())!["subgraph"]!);

        var unknown = await DataAsync("""
            { a: indexingStatusForCurrentVersion(subgraphName: "nobody/here") { subgraph }
              b: indexingStatusesForSubgraphName(subgraphName: "nobody/here") { subgraph }
              c: indexingStatusForPendingVersion(subgraphName: "status/erc20") { subgraph } }
            """);
        Assert.Null(unknown["a"]);
        Assert.Empty(unknown["b"]!.AsArray());
        Assert.Null(unknown["c"]);
    }

    [Fact]
    public async Task ProofOfIndexing_is_served_by_block_number_and_hash()
    {
        var hash = "0x" + new string('d', 64);
        var poi = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        _board.ReportProofOfIndexing(_hash, 55, hash, poi);
        const string q = "query($s: String!, $n: Int!, $h: Bytes!, $i: Bytes) { proofOfIndexing(subgraph: $s, blockNumber: $n, blockHash: $h, indexer: $i) }";

        async Task<JsonNode?> Poi(long n, string h, string? indexer = null) =>
            (await DataAsync(q, new JsonObject { ["s"] = _hash, ["n"] = n, ["h"] = h, ["i"] = indexer }))["proofOfIndexing"];

        Assert.Equal("0x" + Convert.ToHexStringLower(poi), (string)(await Poi(55, hash))!);
        Assert.Null(await Poi(55, "0x" + new string('e', 64)));
        Assert.Null(await Poi(56, hash));
        Assert.Null(await Poi(55, hash, "0x" + new string('1', 40)));

        var bad = await PostAsync(new JsonObject { ["query"] = q, ["variables"] = new JsonObject { ["s"] = _hash, ["n"] = 55, ["h"] = "not hex" } });
        Assert.Contains("$h", (string)bad["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ indexingStatuses { subgraph ", "Error parsing query")]
    [InlineData("{ indexingStatuses { nope } }", "nope")]
    [InlineData("{ indexingStatusForCurrentVersion { subgraph } }", "subgraphName")]
    [InlineData("{ proofOfIndexing(subgraph: \"x\", blockNumber: 1, blockHash: \"0xzz\") }", "blockHash")]
    public async Task Malformed_queries_are_graphql_errors_not_500(string query, string mentioned)
    {
        var body = await PostAsync(new JsonObject { ["query"] = query });
        Assert.Null(body["data"]);
        Assert.Contains(mentioned, (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_requests_are_400_with_a_graphql_error()
    {
        foreach (var text in new[] { "{not json", "[1]", "{\"variables\":{}}" })
        {
            using var response = await _node.Http.PostAsync(new Uri(_node.Host.StatusUrl, "graphql"), new StringContent(text, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["message"]);
        }
    }

    private async Task<JsonNode> DataAsync(string query, JsonObject? variables = null)
    {
        var body = await PostAsync(new JsonObject { ["query"] = query, ["variables"] = variables });
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }

    private async Task<JsonNode> PostAsync(JsonObject request)
    {
        using var response = await _node.Http.PostAsync(new Uri(_node.Host.StatusUrl, "graphql"),
            new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
