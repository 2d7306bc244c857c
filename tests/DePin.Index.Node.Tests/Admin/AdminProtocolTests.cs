using System.Text.Json.Nodes;
using DePin.Index.Node.Tests.Fixtures;
using static DePin.Index.Node.Tests.Admin.AdminRpcTests;

namespace DePin.Index.Node.Tests.Admin;

/// <summary>Token checks and malformed JSON-RPC: each gets a JSON-RPC error object, nothing changes, the node stays up.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AdminProtocolTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(await postgres.CreateDatabaseAsync());

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Theory]
    [InlineData(null, "auth failure: missing bearer token")]
    [InlineData("wrong-token", "auth failure: invalid bearer token")]
    [InlineData("", "auth failure")]
    public async Task Calls_without_the_right_token_are_refused_and_change_nothing(string? token, string message)
    {
        var reply = await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "sneaky" }, token);
        AssertError(reply, -32001, message);
        Assert.Equal(1, (int)reply["id"]!);

        // The name was not created: creating it with the token works.
        var created = await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "sneaky" });
        Assert.False(created.ContainsKey("error"), created.ToJsonString());
    }

    [Fact]
    public async Task A_basic_authorization_header_is_refused()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _node.Host.AdminUrl)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","method":"subgraph_create","params":{"name":"x"},"id":1}"""),
        };
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", TestNode.Token);
        using var response = await _node.Http.SendAsync(message);
        AssertError((JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!, -32001, "Bearer");
    }

    [Theory]
    [InlineData("this is not json", -32700, "Parse error")]
    [InlineData("", -32700, "Parse error")]
    [InlineData("""[{"jsonrpc":"2.0","method":"subgraph_create","params":{"name":"a"},"id":1}]""", -32600, "batches are not supported")]
    [InlineData("""{"method":"subgraph_create","params":{"name":"a"},"id":1}""", -32600, "jsonrpc must be")]
    [InlineData("""{"jsonrpc":"1.0","method":"subgraph_create","params":{"name":"a"},"id":1}""", -32600, "jsonrpc must be")]
    [InlineData("""{"jsonrpc":"2.0","method":42,"id":1}""", -32600, "method must be a string")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_create","id":{"x":1}}""", -32600, "id must be")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_explode","params":{},"id":1}""", -32601, "Method not found")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_create","params":["a"],"id":1}""", -32602, "named parameters")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_create","params":{},"id":1}""", -32602, "missing field `name`")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_create","id":1}""", -32602, "missing field `name`")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_create","params":{"name":7},"id":1}""", -32602, "`name` must be a string")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_create","params":{"name":"a/graphql"},"id":1}""", -32602, "reserved")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_create","params":{"name":"has space"},"id":1}""", -32602, "invalid subgraph name")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_create","params":{"name":"a//b"},"id":1}""", -32602, "empty parts")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_create","params":{"name":"-a"},"id":1}""", -32602, "start and end")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_deploy","params":{"name":"a","ipfs_hash":"nope"},"id":1}""", -32602, "only CIDv0")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_deploy","params":{"name":"a"},"id":1}""", -32602, "missing field `ipfs_hash`")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_deploy","params":{"name":"a","ipfs_hash":"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH","debug_fork":"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH"},"id":1}""", -32602, "debug_fork")]
    [InlineData("""{"jsonrpc":"2.0","method":"subgraph_reassign","params":{"ipfs_hash":"QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH"},"id":1}""", -32602, "missing field `node_id`")]
    public async Task Malformed_requests_get_json_rpc_errors(string body, int code, string message)
    {
        AssertError(await _node.RawRpcAsync(body), code, message);
        var healthy = await _node.RpcAsync("subgraph_create", new JsonObject { ["name"] = "still-" + Guid.NewGuid().ToString("N")[..8] });
        Assert.False(healthy.ContainsKey("error"));
    }

    [Fact]
    public async Task The_request_id_is_echoed_as_sent()
    {
        var reply = await _node.RpcAsync("subgraph_explode", null, id: "abc");
        Assert.Equal("abc", (string)reply["id"]!);
        var notification = await _node.RawRpcAsync("""{"jsonrpc":"2.0","method":"subgraph_explode"}""");
        Assert.True(notification.ContainsKey("id"));
        Assert.Null(notification["id"]);
    }

    [Fact]
    public async Task Only_post_is_served()
    {
        using var response = await _node.Http.GetAsync(_node.Host.AdminUrl);
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_an_invalid_request()
    {
        var body = $$"""{"jsonrpc":"2.0","method":"subgraph_create","params":{"name":"{{new string('a', 1_100_000)}}"},"id":1}""";
        AssertError(await _node.RawRpcAsync(body), -32600, "larger than");
    }

    [Fact]
    public async Task A_port_in_use_is_reported_with_the_surface_that_wanted_it()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((System.Net.IPEndPoint)squatter.LocalEndpoint).Port;
        var e = await Assert.ThrowsAsync<NodeConfigurationException>(async () =>
            await TestNode.StartAsync(await postgres.CreateDatabaseAsync(), o => o with { StatusPort = port }));
        Assert.Contains($"{port} for the status API", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_node_needs_an_explicit_opt_in()
    {
        var database = await postgres.CreateDatabaseAsync();
        var e = await Assert.ThrowsAsync<NodeConfigurationException>(() => TestNode.StartAsync(database, o => o with { AdminToken = null }));
        Assert.Contains("DEPIN_ADMIN_TOKEN", e.Message, StringComparison.Ordinal);

        await using var open = await TestNode.StartAsync(database, o => o with { AdminToken = null, AdminAllowAnonymous = true });
        var reply = await open.RpcAsync("subgraph_create", new JsonObject { ["name"] = "open" }, token: null);
        Assert.False(reply.ContainsKey("error"), reply.ToJsonString());
    }
}
