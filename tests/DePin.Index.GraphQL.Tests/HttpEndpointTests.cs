using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DePin.Index.Node;

namespace DePin.Index.GraphQL.Tests;

/// <summary>A node (all surfaces on free ports) over the zoo database, with the name <c>zoo/animals</c> deployed.</summary>
public sealed class ZooNodeFixture : IAsyncLifetime
{
    public EngineFixture Engine { get; } = new();

    public NodeHost Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Engine.InitializeAsync();
        Node = await NodeHost.CreateBuilder(new NodeOptions
        {
            PostgresUrl = Engine.ConnectionString,
            HttpPort = 0,
            WsPort = 0,
            AdminPort = 0,
            StatusPort = 0,
            MetricsPort = 0,
            IpfsPort = 0,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            AdminAllowAnonymous = true,
        }).StartAsync();
        await Node.Registry.CreateSubgraphAsync("zoo/animals");
        await Node.Registry.DeployAsync(new DeploymentRequest("zoo/animals", Engine.ZooId, Node.Options.NodeId, "devnet", "1.0.0", null));
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        await Engine.DisposeAsync();
    }
}

/// <summary>The node's GraphQL HTTP surface (port 8000 routes) over real HTTP, on the zoo deployment.</summary>
public sealed class HttpEndpointTests(ZooNodeFixture fx) : IClassFixture<ZooNodeFixture>, IDisposable
{
    private readonly NodeHost _node = fx.Node;
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private Uri Url(string path) => new(_node.HttpUrl, path);

    private async Task<(HttpStatusCode Status, JsonNode Body, HttpResponseMessage Response)> PostAsync(string path, string body)
    {
        var response = await _http.PostAsync(Url(path), new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response);
    }

    [Theory]
    [InlineData("subgraphs/name/zoo/animals")]
    [InlineData("subgraphs/name/zoo/animals/graphql")]
    [InlineData("subgraphs/id/QmZooZooZooZooZooZooZooZooZooZooZooZooZooZooZo")]
    public async Task Post_json_answers_on_every_route(string path)
    {
        var (status, body, response) = await PostAsync(path, """{"query":"query($id: ID!) { person(id: $id) { name pets { name } } }","variables":{"id":"p1"}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Alice", (string?)body["data"]!["person"]!["name"]);
        Assert.Equal("3", response.Headers.GetValues("X-Block-Number").Single());
    }

    [Fact]
    public async Task Get_with_a_query_string_answers()
    {
        var q = Uri.EscapeDataString("query($n: Int) { people(first: $n) { id } }");
        var v = Uri.EscapeDataString("""{"n": 2}""");
        var text = await _http.GetStringAsync(Url($"subgraphs/name/zoo/animals?query={q}&variables={v}"));
        Assert.Equal("""{"data":{"people":[{"id":"p1"},{"id":"p2"}]}}""", text);
    }

    [Fact]
    public async Task A_browser_gets_the_query_page_with_no_external_scripts()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("subgraphs/name/zoo/animals"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<textarea id=\"query\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("""{"variables":{}}""", "no `query` string")]
    [InlineData("""{"query":"{ people { id } }","variables":"{broken"}""", "`variables` is not valid JSON")]
    public async Task A_malformed_request_is_a_400_with_a_graphql_error(string body, string message)
    {
        var (status, json, _) = await PostAsync("subgraphs/name/zoo/animals", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, (string)json["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_subgraphs_are_404_and_query_errors_200()
    {
        var (status, _, _) = await PostAsync("subgraphs/name/nobody/here", """{"query":"{ people { id } }"}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        var (s2, body, _) = await PostAsync("subgraphs/name/zoo/animals", """{"query":"{ people(first: 1000000000) { id } }"}""");
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Contains("between 0 and 1000", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abuse_over_http_leaves_the_server_answering()
    {
        var deep = "{ people { " + string.Concat(Enumerable.Repeat("best { ", 999)) + "id" + new string('}', 999) + " } }";
        var big = "{ people { id " + new string(' ', 1024 * 1024) + "} }";
        foreach (var q in new[] { deep, big, "{ people(first: 1000000000) { id } }" })
        {
            var (status, body, _) = await PostAsync("subgraphs/name/zoo/animals", new JsonObject { ["query"] = q }.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(body["errors"]);
        }

        var (okStatus, ok, _) = await PostAsync("subgraphs/name/zoo/animals", """{"query":"{ person(id: \"p2\") { name } }"}""");
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Equal("Bob", (string?)ok["data"]!["person"]!["name"]);
    }
}
