using System.Net.WebSockets;
using System.Text.Json;

namespace DePin.Index.Live.Tests;

/// <summary>graphql-transport-ws against the real endpoint, the real engine and notices that come through Redis.</summary>
public sealed class SubscriptionProtocolTests(LiveFixture fx) : IClassFixture<LiveFixture>
{
    [Fact]
    public async Task A_subscription_pushes_when_a_block_touches_what_it_read_and_only_then()
    {
        await using var c = await WsTestClient.ConnectAsync(fx.WsById);
        await c.SubscribeAsync("s1", "subscription($id: ID!) { device(id: $id) { id rewards proofs { id } } }", new { id = "d03" });
        var first = await c.ReceiveAsync();
        Assert.Equal("next", first.GetProperty("type").GetString());
        Assert.Equal("s1", first.GetProperty("id").GetString());
        Assert.Equal("30", first.GetProperty("payload").GetProperty("data").GetProperty("device").GetProperty("rewards").GetString());

        await fx.CommitAsync([DeviceData.Stat("all", 1234, 0, update: true)]);          // touches Stat only: no push
        await fx.CommitAsync([DeviceData.Device("d04", "wireless", 5, 0, update: true)]); // touches Device, result of d03 unchanged: no push
        var n = await fx.CommitAsync([DeviceData.Device("d03", "storage", 31, 0, update: true)]);
        var second = await c.ReceiveAsync();
        Assert.Equal("31", second.GetProperty("payload").GetProperty("data").GetProperty("device").GetProperty("rewards").GetString());
        await fx.CommitAsync([DeviceData.Proof("p-new", "d03", 2, 1, 0)]);                // a derived field's type: a push
        var third = await c.ReceiveAsync();
        Assert.Contains("p-new", third.GetProperty("payload").GetRawText(), StringComparison.Ordinal);
        Assert.True(n.BlockNumber > 1);
    }

    [Fact]
    public async Task Complete_stops_the_pushes_and_a_plain_query_completes_after_one_result()
    {
        await using var c = await WsTestClient.ConnectAsync(new Uri(fx.WsBase, $"/subgraphs/name/{LiveFixture.SubgraphName}"));
        await c.SubscribeAsync("a", "subscription { stats { id count } }");
        Assert.Equal("next", (await c.ReceiveAsync()).GetProperty("type").GetString());
        await c.SendAsync("""{"id":"a","type":"complete"}""");
        await c.SubscribeAsync("q", "query { devices(first: 1, orderBy: id) { id } }");
        var next = await c.ReceiveAsync();
        Assert.Equal("q", next.GetProperty("id").GetString());
        Assert.Equal("d00", next.GetProperty("payload").GetProperty("data").GetProperty("devices")[0].GetProperty("id").GetString());
        var complete = await c.ReceiveAsync();
        Assert.Equal("complete", complete.GetProperty("type").GetString());
        await fx.CommitAsync([DeviceData.Stat("all", 777, 0, update: true)]);
        Assert.Null(await c.TryReceiveAsync(600));
    }

    [Fact]
    public async Task Ping_is_answered_with_pong()
    {
        await using var c = await WsTestClient.ConnectAsync(fx.WsById);
        await c.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await c.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invalid_documents_get_an_error_message_and_the_connection_stays()
    {
        await using var c = await WsTestClient.ConnectAsync(fx.WsById);
        await c.SubscribeAsync("bad", "subscription { devices { id nosuchfield } }");
        var e = await c.ReceiveAsync();
        Assert.Equal("error", e.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Array, e.GetProperty("payload").ValueKind);
        Assert.Contains("nosuchfield", e.GetProperty("payload").GetRawText(), StringComparison.Ordinal);
        await c.SubscribeAsync("syntax", "subscription { devices { id }");
        var s = await c.ReceiveAsync();
        Assert.Equal("error", s.GetProperty("type").GetString());
        Assert.Contains("syntax error", s.GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await c.SubscribeAsync("mut", "mutation { x }");
        Assert.Contains("mutations", (await c.ReceiveAsync()).GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await c.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await c.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscriptions_per_connection_are_limited()
    {
        await using var c = await WsTestClient.ConnectAsync(fx.WsById);
        for (var i = 0; i < fx.Options.MaxSubscriptionsPerConnection; i++)
        {
            await c.SubscribeAsync($"s{i}", "subscription { stats { id } }");
            Assert.Equal("next", (await c.ReceiveAsync()).GetProperty("type").GetString());
        }

        await c.SubscribeAsync("one-too-many", "subscription { stats { id } }");
        var e = await c.ReceiveAsync();
        Assert.Equal("error", e.GetProperty("type").GetString());
        Assert.Contains("too many subscriptions", e.GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"subscribe","id":"x","payload":{"query":"subscription { stats { id } }"}}""", false, 4401)]
    [InlineData("""{"type":"connection_init"}""", true, 4429)]
    [InlineData("""{nope""", true, 4400)]
    [InlineData("""{"type":"what"}""", true, 4400)]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ stats { id } }"}}""", true, 4400)]
    public async Task Protocol_violations_close_with_their_code(string message, bool init, int code)
    {
        await using var c = await WsTestClient.ConnectAsync(fx.WsById, init: init);
        await c.SendAsync(message);
        Assert.Equal(code, await c.WaitClosedAsync());
    }

    [Fact]
    public async Task A_duplicate_id_closes_with_4409()
    {
        await using var c = await WsTestClient.ConnectAsync(fx.WsById);
        await c.SubscribeAsync("same", "subscription { stats { id } }");
        await c.ReceiveAsync();
        await c.SubscribeAsync("same", "subscription { stats { id } }");
        Assert.Equal(4409, await c.WaitClosedAsync());
    }

    [Fact]
    public async Task No_init_in_time_closes_with_4408()
    {
        await using var c = await WsTestClient.ConnectAsync(fx.WsById, init: false);
        Assert.Equal(4408, await c.WaitClosedAsync(fx.Options.ConnectionInitTimeoutMs + 3000));
    }

    [Fact]
    public async Task A_message_too_big_closes_with_1009()
    {
        await using var c = await WsTestClient.ConnectAsync(fx.WsById);
        var query = "{ stats { id } }" + new string(' ', fx.Options.MaxMessageBytes);
        await c.SubscribeAsync("big", query);
        Assert.Equal((int)WebSocketCloseStatus.MessageTooBig, await c.WaitClosedAsync());
        Assert.Contains("too big", c.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_subprotocol_the_socket_closes_with_4406()
    {
        await using var c = await WsTestClient.ConnectAsync(fx.WsById, protocol: false, init: false);
        Assert.Equal(4406, await c.WaitClosedAsync());
    }

    [Fact]
    public async Task Unknown_subgraphs_and_plain_http_are_refused()
    {
        var e = await Assert.ThrowsAsync<WebSocketException>(() => WsTestClient.ConnectAsync(new Uri(fx.WsBase, "/subgraphs/name/nope/nope"), init: false));
        Assert.Contains("404", e.Message, StringComparison.Ordinal);
        using var http = new HttpClient();
        var r = await http.GetAsync(new Uri(fx.WsById.ToString().Replace("ws://", "http://", StringComparison.Ordinal)));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("graphql-transport-ws", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revert_pushes_the_reverted_state()
    {
        await using var c = await WsTestClient.ConnectAsync(fx.WsById);
        await c.SubscribeAsync("r", "subscription { device(id: \"d07\") { rewards } }");
        var before = (await c.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("device").GetProperty("rewards").GetString();
        var ancestor = fx.Block;
        await fx.CommitAsync([DeviceData.Device("d07", "storage", 70_000, 0, update: true)], fork: "x");
        Assert.Equal("70000", (await c.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("device").GetProperty("rewards").GetString());
        await fx.RevertAsync(ancestor);
        Assert.Equal(before, (await c.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("device").GetProperty("rewards").GetString());
    }
}
