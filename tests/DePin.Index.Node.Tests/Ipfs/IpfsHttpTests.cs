using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DePin.Index.Node.Ipfs;
using DePin.Index.Node.Tests.Fixtures;

namespace DePin.Index.Node.Tests.Ipfs;

/// <summary>The IPFS subset over HTTP against blocks kept in PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IpfsHttpTests(PostgresFixture postgres) : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(await postgres.CreateDatabaseAsync());

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Add_answers_kubo_lines_and_cat_returns_the_bytes()
    {
        var lines = await _node.AddAsync([("hello.txt", Encoding.UTF8.GetBytes("hello world\n"))]);
        var line = Assert.Single(lines);
        Assert.Equal("hello.txt", (string)line["Name"]!);
        Assert.Equal("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", (string)line["Hash"]!);
        Assert.Equal("20", (string)line["Size"]!);

        Assert.Equal("hello world\n", await CatTextAsync("api/v0/cat?arg=QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"));
        Assert.Equal("hello world\n", await CatTextAsync("api/v0/cat?arg=/ipfs/QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"));
        Assert.Equal("world", await CatTextAsync("api/v0/cat?arg=QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o&offset=6&length=5"));
        using var gateway = await _node.Http.GetAsync(new Uri(_node.Host.IpfsUrl, "ipfs/QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"));
        Assert.Equal("hello world\n", await gateway.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_large_file_round_trips_and_its_blocks_land_in_the_database()
    {
        var data = CidVectorTests.Pattern(1_048_576 + 123);
        var hash = await _node.AddFileAsync("big.bin", data);
        Assert.Equal("QmNQZ5h3ezgj6nJsz8HiCMitZe6k5kMACEVnDhf9tZZQdj", hash);
        using var response = await _node.Http.PostAsync(new Uri(_node.Host.IpfsUrl, $"api/v0/cat?arg={hash}"), null);
        Assert.Equal(data, await response.Content.ReadAsByteArrayAsync());

        // A fresh store over the same database sees the blocks: they are in node.ipfs_blocks, not in memory.
        var reader = new UnixFsReader(_node.Host.IpfsStore);
        Assert.True(await reader.IsCompleteAsync(Cid.Parse(hash)));
    }

    [Fact]
    public async Task Several_files_with_folders_answer_files_then_folders_like_kubo()
    {
        var lines = await _node.AddAsync([
            ("dir/a.txt", Encoding.UTF8.GetBytes("hello world\n")),
            ("dir/b.bin", CidVectorTests.Pattern(300_000)),
        ]);
        Assert.Equal(["dir/a.txt", "dir/b.bin", "dir"], lines.Select(l => (string)l["Name"]!));
        Assert.Equal("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", (string)lines[0]["Hash"]!);
        Assert.Equal("QmWU4cq12z1Fq8kiWASSMzcpsxbQpY74z1X2koCz2TUnaU", (string)lines[1]["Hash"]!);
        Assert.Equal("QmWmVrwNZvFYfrQcZ4JaJDaXN8ULxwaUUTPAn2oHRzGmCF", (string)lines[2]["Hash"]!);
        Assert.Equal("300252", (string)lines[2]["Size"]!);
        Assert.Equal("hello world\n", await CatTextAsync("api/v0/cat?arg=/ipfs/QmWmVrwNZvFYfrQcZ4JaJDaXN8ULxwaUUTPAn2oHRzGmCF/a.txt"));

        var wrapped = await _node.AddAsync([("x.txt", Encoding.UTF8.GetBytes("hello world\n"))], "?wrap-with-directory=true");
        Assert.Equal(["x.txt", ""], wrapped.Select(l => (string)l["Name"]!));
    }

    [Fact]
    public async Task Version_answers_like_kubo()
    {
        var (status, body) = await PostAsync("api/v0/version");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty((string?)body["Version"]));
    }

    [Fact]
    public async Task Only_hash_computes_without_storing()
    {
        var lines = await _node.AddAsync([("only.txt", Encoding.UTF8.GetBytes("not stored"))], "?only-hash=true");
        var hash = (string)lines[0]["Hash"]!;
        var (status, error) = await PostAsync($"api/v0/cat?arg={hash}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("not found", (string)error["Message"]!, StringComparison.Ordinal);
        Assert.Equal("error", (string)error["Type"]!);
    }

    [Fact]
    public async Task Pin_add_confirms_complete_dags_only()
    {
        var hash = await _node.AddFileAsync("p.txt", Encoding.UTF8.GetBytes("pin me"));
        var (status, body) = await PostAsync($"api/v0/pin/add?arg={hash}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(hash, (string)body["Pins"]![0]!);
        (status, _) = await PostAsync("api/v0/pin/add?arg=QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData("api/v0/cat", HttpStatusCode.BadRequest, "argument \"ipfs-path\" is required")]
    [InlineData("api/v0/cat?arg=notahash", HttpStatusCode.BadRequest, "only CIDv0")]
    [InlineData("api/v0/cat?arg=QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH&offset=-1", HttpStatusCode.BadRequest, "offset")]
    [InlineData("api/v0/cat?arg=QmWmVrwNZvFYfrQcZ4JaJDaXN8ULxwaUUTPAn2oHRzGmCF", HttpStatusCode.NotFound, "not found locally")]
    [InlineData("api/v0/add?cid-version=1", HttpStatusCode.BadRequest, "cid-version 1 is not supported")]
    [InlineData("api/v0/add?raw-leaves=true", HttpStatusCode.BadRequest, "raw-leaves")]
    [InlineData("api/v0/add?chunker=rabin", HttpStatusCode.BadRequest, "chunker")]
    [InlineData("api/v0/add", HttpStatusCode.BadRequest, "multipart/form-data")]
    [InlineData("api/v0/block/get?arg=QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", HttpStatusCode.NotFound, "not found")]
    public async Task Bad_requests_get_kubo_style_errors(string path, HttpStatusCode expected, string message)
    {
        var (status, error) = await PostAsync(path);
        Assert.Equal(expected, status);
        Assert.Contains(message, (string)error["Message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_multipart_paths_and_empty_uploads_are_refused_and_the_node_stays_up()
    {
        using (var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", Uri.EscapeDataString("../escape.txt") } })
        using (var response = await _node.Http.PostAsync(new Uri(_node.Host.IpfsUrl, "api/v0/add"), form))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("'..'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var empty = new MultipartFormDataContent())
        using (var response = await _node.Http.PostAsync(new Uri(_node.Host.IpfsUrl, "api/v0/add"), empty))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using (var truncated = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc", Encoding.ASCII))
        {
            truncated.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
            using var response = await _node.Http.PostAsync(new Uri(_node.Host.IpfsUrl, "api/v0/add"), truncated);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", await _node.AddFileAsync("ok.txt", Encoding.UTF8.GetBytes("hello world\n")));
    }

    [Fact]
    public async Task Uploads_above_the_limit_are_refused_with_413()
    {
        await using var small = await TestNode.StartAsync(await postgres.CreateDatabaseAsync(), o => o with { IpfsMaxUploadBytes = 1000 });
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[3 * 1024 * 1024]), "file", "big" } };
        using var response = await small.Http.PostAsync(new Uri(small.Host.IpfsUrl, "api/v0/add"), form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("DEPIN_IPFS_MAX_UPLOAD_BYTES", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> CatTextAsync(string path)
    {
        using var response = await _node.Http.PostAsync(new Uri(_node.Host.IpfsUrl, path), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string path)
    {
        using var response = await _node.Http.PostAsync(new Uri(_node.Host.IpfsUrl, path), null);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
