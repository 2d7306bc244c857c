using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>Malformed and unusual JSON-RPC answers: each gives a typed error that says what was wrong.</summary>
public sealed class JsonRpcClientAnswerTests
{
    private static FaultServer Answering(Func<FaultRequest, string> body) =>
        new((r, s, _) => FaultServer.OkAsync(s, body(r)));

    [Fact]
    public async Task Truncated_json_is_retried_then_reported_as_truncated()
    {
        await using var server = Answering(r => $"{{\"jsonrpc\":\"2.0\",\"id\":{r.Id},\"result\":\"0x1");
        using var client = FaultClients.For(server, maxRetries: 2);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Equal(3, e.Attempts);
        Assert.Equal(3, server.RequestCount);
        Assert.Contains("eth_chainId: the answer ends inside a JSON value (truncated after", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_once_then_complete_succeeds()
    {
        await using var server = Answering(r => r.Index == 0 ? r.Result("[{\"a\":") : r.Result("[1,2,3]"));
        using var client = FaultClients.For(server);
        var list = await client.CallListAsync("x_list", [], (ref System.Text.Json.Utf8JsonReader rd) => rd.GetInt32());
        Assert.Equal([1, 2, 3], list);
    }

    [Fact]
    public async Task Non_json_body_is_retried_then_reported_with_a_snippet()
    {
        await using var server = Answering(_ => "<html><body>502 Bad Gateway</body></html>");
        using var client = FaultClients.For(server, maxRetries: 1);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Equal(2, e.Attempts);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("<html><body>502", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_body_is_reported_as_empty()
    {
        await using var server = Answering(_ => "");
        using var client = FaultClients.For(server, maxRetries: 0);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Contains("the answer body is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_id_is_a_protocol_error_and_not_retried()
    {
        await using var server = Answering(_ => "{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":\"0x1\"}");
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Equal(1, server.RequestCount);
        Assert.Equal("eth_chainId: the answer's id 999 does not match the request's id 1", e.Message);
    }

    [Fact]
    public async Task Wrong_id_in_a_streamed_list_answer_is_detected()
    {
        await using var server = Answering(_ => "{\"jsonrpc\":\"2.0\",\"result\":[],\"id\":\"abc\"}");
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallListAsync("eth_getLogs", [], RpcJson.ReadElement));
        Assert.Contains("the answer's id \"abc\" does not match", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}", "the answer has neither result nor error")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"result\":\"0x1\"}", "the answer has no id")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"result\":\"0x1\"}", "\"jsonrpc\" must be \"2.0\"")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\",\"error\":{\"code\":1,\"message\":\"x\"}}", "both result and error")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"message\":\"x\"}}", "the error object has no \"code\"")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}]", "expected a JSON-RPC answer object, got an array")]
    [InlineData("\"0x1\"", "expected a JSON-RPC answer object, got a string")]
    public async Task Malformed_envelopes_name_the_problem(string answer, string expected)
    {
        await using var server = Answering(_ => answer);
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [InlineData("12", "result: expected a hex quantity, got the number 12")]
    [InlineData("\"0x\"", "result: quantity '0x' has no digits")]
    [InlineData("\"0xzz\"", "result: quantity '0xzz' has a character that is not a hex digit: 'z'")]
    [InlineData("\"12\"", "result: quantity '12' does not start with 0x")]
    [InlineData("\"0x10000000000000000\"", "does not fit in 64 bits")]
    [InlineData("null", "result: expected a hex quantity, got null")]
    public async Task Wrong_result_types_are_protocol_errors(string result, string expected)
    {
        await using var server = Answering(r => r.Result(result));
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => client.CallAsync("eth_blockNumber", [], RpcJson.ReadLong));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("eth_blockNumber: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quantities_with_leading_zeros_are_tolerated()
    {
        await using var server = Answering(r => r.Result("\"0x000ff\""));
        using var client = FaultClients.For(server);
        Assert.Equal(255, await client.CallAsync("eth_blockNumber", [], RpcJson.ReadLong));
    }

    [Fact]
    public async Task An_error_answer_keeps_code_message_and_raw_data_and_is_not_retried()
    {
        await using var server = Answering(r =>
            $"{{\"jsonrpc\":\"2.0\",\"id\":{r.Id},\"error\":{{\"code\":-32000,\"message\":\"query returned more than 10000 results\",\"data\":{{\"from\":\"0x1\",\"to\":\"0x5\"}}}}}}");
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => client.CallListAsync("eth_getLogs", [], RpcJson.ReadElement));
        Assert.Equal(-32000, e.Code);
        Assert.Equal("query returned more than 10000 results", e.RpcMessage);
        Assert.Equal("{\"from\":\"0x1\",\"to\":\"0x5\"}", e.DataJson);
        Assert.Null(e.DataBytes);
        Assert.Equal("eth_getLogs: query returned more than 10000 results (JSON-RPC error -32000)", e.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task An_error_with_a_null_id_is_still_the_nodes_error()
    {
        await using var server = Answering(_ => "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}");
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Equal(-32700, e.Code);
    }

    [Fact]
    public async Task A_list_result_that_is_not_an_array_is_a_protocol_error()
    {
        await using var server = Answering(r => r.Result("null"));
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => new EthRpc(client).GetLogsAsync(LogFilter.Range(1, 2)));
        Assert.Equal("eth_getLogs: result must be an array, got null", e.Message);
    }

    [Fact]
    public async Task A_bad_log_names_its_index_and_field()
    {
        var good = LogJson.Log(1, 0);
        var bad = LogJson.Log(1, 1).Replace("\"blockHash\":\"0x", "\"blockHash\":\"0xq", StringComparison.Ordinal);
        await using var server = Answering(r => r.Result($"[{good},{bad}]"));
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => new EthRpc(client).GetLogsAsync(LogFilter.Range(1, 2)));
        Assert.StartsWith("eth_getLogs: result[1]: blockHash: expected a 32-byte hash, got \"0xq", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_missing_a_field_says_which()
    {
        var log = LogJson.Log(1, 0).Replace("\"logIndex\":\"0x0\",", "", StringComparison.Ordinal);
        await using var server = Answering(r => r.Result($"[{log}]"));
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<RpcProtocolException>(() => new EthRpc(client).GetLogsAsync(LogFilter.Range(1, 2)));
        Assert.Equal("eth_getLogs: result[0]: the log has no \"logIndex\"", e.Message);
    }
}
