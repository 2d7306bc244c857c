using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DePin.Index.Node.Client;

namespace DePin.Index.Node;

/// <summary>
/// A client of a node's admin JSON-RPC, IPFS API and status API — what <c>depin subgraph deploy|remove|status</c> use (and what
/// graph-cli's <c>graph create</c> + <c>graph deploy</c> do, minus the build). Every failure is a <see cref="NodeClientException"/>
/// with a message naming the problem.
/// </summary>
public sealed class NodeClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <param name="adminUrl">The admin JSON-RPC, e.g. http://127.0.0.1:8020.</param>
    /// <param name="ipfsUrl">The IPFS API the node reads from, e.g. http://127.0.0.1:5001.</param>
    /// <param name="statusUrl">The status API, e.g. http://127.0.0.1:8030.</param>
    /// <param name="adminToken">The bearer token of the admin API; null sends none.</param>
    public NodeClient(Uri adminUrl, Uri ipfsUrl, Uri statusUrl, string? adminToken, HttpClient? http = null)
    {
        AdminUrl = adminUrl;
        IpfsUrl = ipfsUrl;
        StatusUrl = statusUrl;
        AdminToken = adminToken;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri AdminUrl { get; }

    public Uri IpfsUrl { get; }

    public Uri StatusUrl { get; }

    public string? AdminToken { get; }

    /// <summary>
    /// Uploads a built subgraph (a <c>subgraph.yaml</c>, a graph-cli <c>build/</c> folder, or a folder with one) to the node's
    /// IPFS: each linked file, then the manifest linking them by hash. Returns the manifest's CID — the deployment id.
    /// </summary>
    public async Task<string> UploadSubgraphAsync(string dirOrManifest, CancellationToken cancellationToken = default)
    {
        var manifestPath = SubgraphUpload.FindManifest(dirOrManifest);
        var yaml = SubgraphUpload.Parse(manifestPath);
        var dir = Path.GetDirectoryName(manifestPath)!;
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in SubgraphUpload.LinkedFiles(manifestPath, yaml.Documents[0].RootNode))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(dir, link), cancellationToken).ConfigureAwait(false);
            hashes[link] = await AddAsync(Path.GetFileName(link), bytes, cancellationToken).ConfigureAwait(false);
        }

        var manifest = SubgraphUpload.Rewrite(yaml, hashes);
        return await AddAsync("subgraph.yaml", Encoding.UTF8.GetBytes(manifest), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /api/v0/add of one file; its CIDv0.</summary>
    public async Task<string> AddAsync(string name, byte[] content, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        var url = new Uri(IpfsUrl, "api/v0/add");
        using var response = await SendAsync(() => _http.PostAsync(url, form, cancellationToken), "IPFS API", url).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new NodeClientException($"IPFS add of {name} failed at {url}: HTTP {(int)response.StatusCode} {text.Trim()}");
        }

        var last = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return (last is null ? null : JsonNode.Parse(last)?["Hash"]?.GetValue<string>())
            ?? throw new NodeClientException($"IPFS add of {name} at {url} answered no hash: {text.Trim()}");
    }

    /// <summary><c>subgraph_create</c> when the name is new, then <c>subgraph_deploy</c>. Returns the deploy answer (query URLs).</summary>
    public async Task<JsonObject> DeployAsync(string name, string ipfsHash, string? versionLabel = null, string? nodeId = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await RpcAsync("subgraph_create", new JsonObject { ["name"] = name }, cancellationToken).ConfigureAwait(false);
        }
        catch (NodeClientException e) when (e.RpcCode == 2)
        {
            // the name exists already: deploy a new version of it
        }

        var parameters = new JsonObject { ["name"] = name, ["ipfs_hash"] = ipfsHash };
        if (versionLabel is not null)
        {
            parameters["version_label"] = versionLabel;
        }

        if (nodeId is not null)
        {
            parameters["node_id"] = nodeId;
        }

        return await RpcAsync("subgraph_deploy", parameters, cancellationToken).ConfigureAwait(false) as JsonObject ?? [];
    }

    /// <summary><c>subgraph_remove</c>: the name goes, its deployments stop being indexed (their data stays).</summary>
    public Task RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        RpcAsync("subgraph_remove", new JsonObject { ["name"] = name }, cancellationToken);

    /// <summary>One admin JSON-RPC call; its result.</summary>
    public async Task<JsonNode?> RpcAsync(string method, JsonObject parameters, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = parameters }.ToJsonString();
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, AdminUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (AdminToken is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
            }

            return _http.SendAsync(request, cancellationToken);
        }, "admin API", AdminUrl).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonObject? reply;
        try
        {
            reply = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            reply = null;
        }

        if (reply is null)
        {
            throw new NodeClientException($"{method} at {AdminUrl}: HTTP {(int)response.StatusCode}, not a JSON-RPC answer: {Shorten(text)}");
        }

        if (reply["error"] is JsonObject error)
        {
            throw new NodeClientException($"{method}: {error["message"]?.GetValue<string>() ?? error.ToJsonString()}")
            {
                RpcCode = error["code"]?.GetValue<int>(),
            };
        }

        return reply["result"];
    }

    /// <summary>GET /status: every deployment's status (graph-node's <c>indexingStatuses</c> shape).</summary>
    public async Task<JsonArray> StatusesAsync(CancellationToken cancellationToken = default)
    {
        var url = new Uri(StatusUrl, "status");
        using var response = await SendAsync(() => _http.GetAsync(url, cancellationToken), "status API", url).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new NodeClientException($"{url}: HTTP {(int)response.StatusCode} {Shorten(text)}");
        }

        return JsonNode.Parse(text)?["indexingStatuses"] as JsonArray ?? throw new NodeClientException($"{url}: no indexingStatuses in {Shorten(text)}");
    }

    /// <summary>The statuses of a subgraph name or deployment id (all when null); empty when nothing matches.</summary>
    public async Task<IReadOnlyList<JsonObject>> StatusesOfAsync(string? nameOrId, CancellationToken cancellationToken = default)
    {
        var all = (await StatusesAsync(cancellationToken).ConfigureAwait(false)).OfType<JsonObject>();
        return nameOrId is null
            ? [.. all]
            : [.. all.Where(s => s["subgraph"]?.GetValue<string>() == nameOrId
                || (s["names"] as JsonArray)?.Any(n => n?.GetValue<string>() == nameOrId) == true)];
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, string what, Uri url)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new NodeClientException($"cannot reach the node's {what} at {url}: {e.Message} (is the node running? `./depin up` or `./depin node`)", e);
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text.Trim();
}
