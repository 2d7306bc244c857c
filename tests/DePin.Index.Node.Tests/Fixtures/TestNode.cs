using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace DePin.Index.Node.Tests.Fixtures;

/// <summary>A node on free loopback ports over a test database, with HTTP helpers for its surfaces.</summary>
public sealed class TestNode : IAsyncDisposable
{
    public const string Token = "test-admin-token";

    private TestNode(NodeHost host)
    {
        Host = host;
        Http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
    }

    public NodeHost Host { get; }

    public HttpClient Http { get; }

    public static async Task<TestNode> StartAsync(string connectionString, Func<NodeOptions, NodeOptions>? adjust = null,
        Action<NodeHostBuilder>? configure = null)
    {
        var options = new NodeOptions
        {
            HttpPort = 0,
            WsPort = 0,
            AdminPort = 0,
            StatusPort = 0,
            MetricsPort = 0,
            IpfsPort = 0,
            PostgresUrl = connectionString,
            AdminToken = Token,
        };
        var builder = NodeHost.CreateBuilder(adjust?.Invoke(options) ?? options);
        builder.LoggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        configure?.Invoke(builder);
        return new TestNode(await builder.StartAsync());
    }

    /// <summary>Posts a JSON-RPC request to the admin port and returns the parsed response.</summary>
    public async Task<JsonObject> RpcAsync(string method, JsonObject? parameters, string? token = Token, object? id = null)
    {
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters, ["id"] = JsonValue.Create(id ?? 1) };
        return await RawRpcAsync(request.ToJsonString(), token);
    }

    public async Task<JsonObject> RawRpcAsync(string body, string? token = Token)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Host.AdminUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(message);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>POST /api/v0/add with one multipart part per (path, content); returns the answer lines.</summary>
    public async Task<List<JsonObject>> AddAsync(IEnumerable<(string Path, byte[] Content)> files, string query = "")
    {
        using var form = new MultipartFormDataContent();
        var index = 0;
        foreach (var (path, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, index++ == 0 ? "file" : $"file-{index - 1}", Uri.EscapeDataString(path));
        }

        using var response = await Http.PostAsync(new Uri(Host.IpfsUrl, "api/v0/add" + query), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"add failed: {(int)response.StatusCode} {text}");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (JsonObject)JsonNode.Parse(l)!).ToList();
    }

    /// <summary>Adds one file and returns its hash.</summary>
    public async Task<string> AddFileAsync(string path, byte[] content) => (string)(await AddAsync([(path, content)]))[0]["Hash"]!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        Host.LoggerFactory.Dispose();
    }
}
