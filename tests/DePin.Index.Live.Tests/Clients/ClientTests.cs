using System.Text.Json;

namespace DePin.Index.Live.Tests.Clients;

/// <summary>Real npm clients (graphql-request, graphql-ws, puppeteer-core + Debian's chromium) against two live nodes.</summary>
public sealed class ClientTests(LiveNodeFixture fx) : IClassFixture<LiveNodeFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Graph_style_queries_with_graphql_request()
    {
        await fx.CommitAsync([DeviceData.Device("d01", "storage", 4242, 0, update: true)]);
        var (code, stdout, stderr) = await NodeScript.RunAsync("queries.mjs", Timeout, fx.HttpUrl(fx.NodeA), "1");
        Assert.True(code == 0, $"queries.mjs failed: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var byKind = root.GetProperty("byKind").EnumerateArray().ToList();
        Assert.Equal(3, byKind.Count);
        Assert.Equal("d01", byKind[0].GetProperty("id").GetString()); // 4242 beats 190, 170
        Assert.All(byKind, d => Assert.Equal("storage", d.GetProperty("kind").GetString()));
        Assert.Equal(JsonValueKind.Array, byKind[0].GetProperty("proofs").ValueKind);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"d{i:D2}"), root.GetProperty("pages").EnumerateArray().Select(p => p.GetString()));
        var travel = root.GetProperty("travel");
        Assert.Equal("4242", travel.GetProperty("now").GetProperty("rewards").GetString());
        Assert.Equal("10", travel.GetProperty("then").GetProperty("rewards").GetString());
        Assert.Equal(fx.DeploymentId, travel.GetProperty("_meta").GetProperty("deployment").GetString());
    }

    [Fact]
    public async Task Graphql_ws_receives_a_push_within_one_block_on_either_node()
    {
        foreach (var node in new[] { fx.NodeA, fx.NodeB })
        {
            await using var sub = NodeScript.Start("subscribe.mjs", fx.WsUrl(node), "d05");
            var first = JsonDocument.Parse(await sub.ReadLineAsync(20_000)).RootElement;
            var before = first.GetProperty("value").GetProperty("data").GetProperty("device").GetProperty("rewards").GetString();
            var notice = await fx.CommitAsync([DeviceData.Device("d05", "wireless", long.Parse(before!, System.Globalization.CultureInfo.InvariantCulture) + 1, 0, update: true)]);
            var push = JsonDocument.Parse(await sub.ReadLineAsync()).RootElement;
            var data = push.GetProperty("value").GetProperty("data");
            Assert.Equal((long.Parse(before!, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                data.GetProperty("device").GetProperty("rewards").GetString());
            Assert.Equal(notice.BlockNumber, data.GetProperty("_meta").GetProperty("block").GetProperty("number").GetInt64());
            Assert.True(push.GetProperty("at").GetInt64() >= notice.PublishedAtMicros);
        }
    }

    [Fact]
    public async Task The_query_page_loads_and_runs_a_query_in_headless_chromium()
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian's chromium is missing: apt-get install chromium (./test.sh does)");
        var (code, stdout, stderr) = await NodeScript.RunAsync("graphiql.mjs", TimeSpan.FromSeconds(90), fx.HttpUrl(fx.NodeB));
        Assert.True(code == 0, $"graphiql.mjs failed: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(200, doc.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith("text/html", doc.RootElement.GetProperty("contentType").GetString(), StringComparison.Ordinal);
        var devices = doc.RootElement.GetProperty("result").GetProperty("data").GetProperty("devices");
        Assert.Equal(["d00", "d01"], devices.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Abuse_gets_errors_while_another_client_keeps_getting_answers()
    {
        var (code, stdout, stderr) = await NodeScript.RunAsync("abuse.mjs", TimeSpan.FromSeconds(120), fx.HttpUrl(fx.NodeA));
        Assert.True(code == 0, $"abuse.mjs: {stdout} {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.GetProperty("normalOk").GetInt32() > 0);
        Assert.Equal(0, doc.RootElement.GetProperty("normalBad").GetInt32());
        Assert.Empty(doc.RootElement.GetProperty("bad").EnumerateArray());
        var depth = doc.RootElement.GetProperty("results").EnumerateArray().First(r => r.GetProperty("name").GetString() == "depth 1000");
        Assert.NotEmpty(depth.GetProperty("errors").EnumerateArray());
    }
}
