using System.Net;
using System.Text.Json.Nodes;
using DePin.Index.Node.Status;
using DePin.Index.Node.Tests.Fixtures;

namespace DePin.Index.Node.Tests.Status;

/// <summary>The status JSON, metrics and the reserved GraphQL routes of a node with one deployment.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StatusApiTests(PostgresFixture postgres) : IAsyncLifetime
{
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
    public async Task A_deployment_not_yet_indexed_is_listed_with_no_blocks()
    {
        var all = await GetAsync("status");
        var status = Assert.Single(all["indexingStatuses"]!.AsArray())!.AsObject();
        Assert.Equal(_hash, (string)status["subgraph"]!);
        Assert.Equal("default", (string)status["node"]!);
        Assert.Equal("healthy", (string)status["health"]!);
        Assert.False((bool)status["synced"]!);
        Assert.Equal("0", (string)status["entityCount"]!);
        Assert.Equal("status/erc20", (string)status["names"]![0]!);
        var chain = status["chains"]![0]!;
        Assert.Equal("devnet", (string)chain["network"]!);
        Assert.Null(chain["latestBlock"]);
        Assert.Null(chain["chainHeadBlock"]);
        Assert.Empty((await GetAsync("status?node=somebody_else"))["indexingStatuses"]!.AsArray());
    }

    [Fact]
    public async Task Reported_progress_and_errors_show_up()
    {
        _board.Report(_hash, new IndexingProgress
        {
            Health = IndexingHealth.Failed,
            Synced = false,
            ChainHead = new StatusBlock(120, "0x" + new string('a', 64)),
            LatestBlock = new StatusBlock(100, "0x" + new string('b', 64)),
            EarliestBlock = 7,
            EntityCount = 4242,
            FatalError = new IndexingError("Mapping aborted at src/mapping.ts", new StatusBlock(101, "0x" + new string('c', 64)), "handleTransfer", true),
        });
        var status = await GetAsync($"status/{_hash}");
        Assert.Equal("failed", (string)status["health"]!);
        Assert.Equal("4242", (string)status["entityCount"]!);
        Assert.Equal("100", (string)status["chains"]![0]!["latestBlock"]!["number"]!);
        Assert.Equal("120", (string)status["chains"]![0]!["chainHeadBlock"]!["number"]!);
        Assert.Equal("7", (string)status["chains"]![0]!["earliestBlock"]!["number"]!);
        Assert.Equal("handleTransfer", (string)status["fatalError"]!["handler"]!);
        Assert.True((bool)status["fatalError"]!["deterministic"]!);
        Assert.Equal("101", (string)status["fatalError"]!["block"]!["number"]!);
    }

    [Fact]
    public async Task Proofs_of_indexing_are_served_by_block()
    {
        var hash = "0x" + new string('d', 64);
        var poi = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        _board.ReportProofOfIndexing(_hash, 55, hash, poi);

        var answer = await GetAsync($"status/{_hash}/poi/55?hash={hash}");
        Assert.Equal("0x" + Convert.ToHexStringLower(poi), (string)answer["proofOfIndexing"]!);
        Assert.Null((await GetAsync($"status/{_hash}/poi/55?hash=0x{new string('e', 64)}"))["proofOfIndexing"]);
        Assert.Null((await GetAsync($"status/{_hash}/poi/56"))["proofOfIndexing"]);
        Assert.Null((await GetAsync($"status/{_hash}/poi/55?indexer=0x{new string('1', 40)}"))["proofOfIndexing"]);
        await GetAsync($"status/{_hash}/poi/abc", HttpStatusCode.BadRequest);
        await GetAsync($"status/{_hash}/poi/55?hash=0x12", HttpStatusCode.BadRequest);
        await GetAsync("status/QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH/poi/1", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_deployments_are_404()
    {
        var answer = await GetAsync("status/QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", HttpStatusCode.NotFound);
        Assert.Equal("deployment not found: QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", (string)answer["error"]!);
    }

    [Fact]
    public async Task Query_routes_answer_404_for_unknown_subgraphs_and_a_graphql_error_for_deployments_without_store_data()
    {
        Assert.Equal(HttpStatusCode.OK, await QueryStatusAsync("subgraphs/name/status/erc20"));
        Assert.Equal(HttpStatusCode.OK, await QueryStatusAsync("subgraphs/name/status/erc20/graphql"));
        Assert.Equal(HttpStatusCode.OK, await QueryStatusAsync($"subgraphs/id/{_hash}"));
        Assert.Equal(HttpStatusCode.NotFound, await QueryStatusAsync("subgraphs/name/nobody/here"));
        Assert.Equal(HttpStatusCode.NotFound, await QueryStatusAsync("subgraphs/id/QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH"));
    }

    [Fact]
    public async Task Metrics_expose_the_pipeline_and_admin_counters()
    {
        _node.Host.Metrics.BlockProcessed(_hash, triggers: 3, TimeSpan.FromMilliseconds(12));
        _node.Host.Metrics.SetDeploymentHead(_hash, 100, 130);
        _node.Host.Metrics.RpcCall("eth_getLogs", TimeSpan.FromMilliseconds(5), failed: true);
        var text = await _node.Http.GetStringAsync(new Uri(_node.Host.MetricsUrl, "metrics"));
        Assert.Contains($"deployment_blocks_processed_total{{deployment=\"{_hash}\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains($"deployment_triggers_processed_total{{deployment=\"{_hash}\"}} 3", text, StringComparison.Ordinal);
        Assert.Contains($"deployment_head_lag_blocks{{deployment=\"{_hash}\"}} 30", text, StringComparison.Ordinal);
        Assert.Contains("eth_rpc_errors_total{method=\"eth_getLogs\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("node_admin_requests_total{method=\"subgraph_deploy\",outcome=\"ok\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("deployment_handler_execution_time", text, StringComparison.Ordinal);
        Assert.Contains("http_requests_received_total", text, StringComparison.Ordinal);
    }

    private async Task<JsonObject> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _node.Http.GetAsync(new Uri(_node.Host.StatusUrl, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return (JsonObject)JsonNode.Parse(body)!;
    }

    private async Task<HttpStatusCode> QueryStatusAsync(string path)
    {
        using var response = await _node.Http.PostAsync(new Uri(_node.Host.HttpUrl, path), new StringContent("{\"query\":\"{ _meta { block { number } } }\"}"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(body["errors"]![0]!["message"]);
        return response.StatusCode;
    }
}
