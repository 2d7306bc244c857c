using System.Text;
using System.Text.Json;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>Batches against scripted answers: order, missing, duplicate and unknown ids, whole-batch errors.</summary>
public sealed class JsonRpcBatchTests
{
    private static string Answers(FaultRequest r, Func<long, int, string?> answer)
    {
        var parts = r.Ids.Select((id, i) => answer(id, i)).Where(a => a is not null);
        return "[" + string.Join(",", parts) + "]";
    }

    private static string Ok(long id, string result) => $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{result}}}";

    [Fact]
    public async Task Answers_in_reverse_order_are_matched_by_id()
    {
        await using var server = new FaultServer((r, s, _) =>
            FaultServer.OkAsync(s, "[" + string.Join(",", r.Ids.Reverse().Select(id => Ok(id, $"\"0x{id:x}\""))) + "]"));
        using var client = FaultClients.For(server);
        var batch = client.CreateBatch();
        var items = Enumerable.Range(0, 5).Select(_ => batch.Add("eth_blockNumber", [], RpcJson.ReadLong)).ToList();
        await batch.SendAsync();
        Assert.All(items, i => Assert.Equal(i.Id, i.Result));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_missing_answer_fails_the_batch_naming_the_call()
    {
        await using var server = new FaultServer((r, s, _) => FaultServer.OkAsync(s, Answers(r, (id, i) => i == 1 ? null : Ok(id, "\"0x1\""))));
        using var client = FaultClients.For(server);
        var batch = client.CreateBatch();
        batch.Add("eth_chainId", [], RpcJson.ReadLong);
        var missing = batch.Add("eth_getBalance", ["0x0000000000000000000000000000000000000001", "latest"], RpcJson.ReadBigInteger);
        batch.Add("eth_blockNumber", [], RpcJson.ReadLong);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => batch.SendAsync());
        Assert.Equal($"batch of 3 (eth_chainId, eth_getBalance, eth_blockNumber): no answer for id {missing.Id} (eth_getBalance)", e.Message);
        Assert.Equal(1, server.RequestCount);
        Assert.Throws<InvalidOperationException>(() => missing.Result);
    }

    [Fact]
    public async Task Duplicate_and_unknown_ids_are_protocol_errors()
    {
        await using var dup = new FaultServer((r, s, _) => FaultServer.OkAsync(s, Answers(r, (_, _) => Ok(r.Ids[0], "\"0x1\""))));
        using (var client = FaultClients.For(dup))
        {
            var batch = client.CreateBatch();
            var first = batch.Add("eth_chainId", [], RpcJson.ReadLong);
            batch.Add("eth_chainId", [], RpcJson.ReadLong);
            var e = await Assert.ThrowsAsync<RpcProtocolException>(() => batch.SendAsync());
            Assert.Contains($"two answers for id {first.Id} (eth_chainId)", e.Message, StringComparison.Ordinal);
        }
        await using var unknown = new FaultServer((r, s, _) => FaultServer.OkAsync(s, Answers(r, (id, _) => Ok(id + 100, "\"0x1\""))));
        using (var client = FaultClients.For(unknown))
        {
            var batch = client.CreateBatch();
            var only = batch.Add("eth_chainId", [], RpcJson.ReadLong);
            var e = await Assert.ThrowsAsync<RpcProtocolException>(() => batch.SendAsync());
            Assert.Contains($"a batch answer has id {only.Id + 100}, which no request of the batch carries", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_whole_batch_refused_with_one_error_object_is_a_JsonRpcException()
    {
        await using var server = new FaultServer((_, s, _) =>
            FaultServer.OkAsync(s, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"batch too large\"}}"));
        using var client = FaultClients.For(server);
        var batch = client.CreateBatch();
        batch.Add("eth_chainId", [], RpcJson.ReadLong);
        batch.Add("eth_blockNumber", [], RpcJson.ReadLong);
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => batch.SendAsync());
        Assert.Equal(-32600, e.Code);
        Assert.StartsWith("batch of 2 (eth_chainId, eth_blockNumber): batch too large", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_is_retried_whole_after_a_500_and_a_bad_result_names_its_call()
    {
        await using var server = new FaultServer((r, s, _) => r.Index == 0
            ? FaultServer.ReplyAsync(s, 500, "")
            : FaultServer.OkAsync(s, Answers(r, (id, i) => Ok(id, i == 0 ? "\"0x5\"" : "\"not hex\""))));
        using var client = FaultClients.For(server);
        var batch = client.CreateBatch();
        batch.Add("eth_chainId", [], RpcJson.ReadLong);
        var bad = batch.Add("eth_gasPrice", [], RpcJson.ReadBigInteger);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => batch.SendAsync());
        Assert.Equal(2, server.RequestCount);
        Assert.Equal($"eth_gasPrice (id {bad.Id}): result: quantity 'not hex' does not start with 0x (after 2 attempts)", e.Message);
    }

    [Fact]
    public async Task An_empty_batch_sends_nothing_and_a_batch_is_sent_once()
    {
        await using var server = new FaultServer((r, s, _) => FaultServer.OkAsync(s, Answers(r, (id, _) => Ok(id, "true"))));
        using var client = FaultClients.For(server);
        var empty = client.CreateBatch();
        await empty.SendAsync();
        Assert.Equal(0, server.RequestCount);
        var batch = client.CreateBatch();
        var item = batch.Add("evm_revert", ["0x1"], RpcJson.ReadBool);
        Assert.Throws<InvalidOperationException>(() => item.Result);
        await batch.SendAsync();
        Assert.True(item.Result);
        await Assert.ThrowsAsync<InvalidOperationException>(() => batch.SendAsync());
        Assert.Throws<InvalidOperationException>(() => batch.Add("eth_chainId", [], RpcJson.ReadLong));
    }

    [Fact]
    public async Task The_batch_request_is_a_json_array_of_complete_requests()
    {
        await using var server = new FaultServer((r, s, _) => FaultServer.OkAsync(s, Answers(r, (id, _) => Ok(id, "null"))));
        using var client = FaultClients.For(server);
        var batch = client.CreateBatch();
        batch.Add("eth_getBlockByNumber", [BlockParameter.FromNumber(26), false], RpcJson.ReadElement);
        batch.Add("eth_getBlockByNumber", [BlockParameter.Finalized, false], RpcJson.ReadElement);
        await batch.SendAsync();
        Assert.Equal(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBlockByNumber\",\"params\":[\"0x1a\",false]},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_getBlockByNumber\",\"params\":[\"finalized\",false]}]",
            server.Requests[0].Body);
    }

    [Fact]
    public async Task Batch_answers_streamed_in_tiny_pieces_are_read_correctly()
    {
        await using var server = new FaultServer(async (r, s, ct) =>
        {
            var body = Encoding.UTF8.GetBytes(Answers(r, (id, _) => Ok(id, $"{{\"n\":\"0x{id:x}\",\"pad\":\"{new string('x', 300)}\"}}")));
            await FaultServer.WriteHeadAsync(s, 200, ["Connection: close"]);
            for (var i = 0; i < body.Length; i += 7)
            {
                await s.WriteAsync(body.AsMemory(i, Math.Min(7, body.Length - i)), ct);
                await s.FlushAsync(ct);
            }
            return false;
        });
        using var client = FaultClients.For(server);
        var batch = client.CreateBatch();
        var items = Enumerable.Range(0, 40).Select(_ => batch.Add("x_obj", [], (ref Utf8JsonReader rd) =>
        {
            using var doc = JsonDocument.ParseValue(ref rd);
            return doc.RootElement.GetProperty("n").GetString();
        })).ToList();
        await batch.SendAsync();
        Assert.All(items, i => Assert.Equal($"0x{i.Id:x}", i.Result));
    }
}
