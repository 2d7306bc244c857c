using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>HTTP-level faults: statuses, Retry-After, broken connections, timeouts, size limits.</summary>
public sealed class JsonRpcClientTransportTests
{
    [Fact]
    public async Task Http_500_then_OK_is_retried_and_succeeds()
    {
        await using var server = new FaultServer((r, s, _) =>
            r.Index == 0 ? FaultServer.ReplyAsync(s, 500, "boom") : FaultServer.OkAsync(s, r.Result("\"0x2a\"")));
        using var client = FaultClients.For(server);
        Assert.Equal(42, await client.CallAsync("eth_blockNumber", [], RpcJson.ReadLong));
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(2, client.HttpRequestCount);
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body); // the same request, same id
    }

    [Fact]
    public async Task Http_503_every_time_ends_in_a_transport_error_after_all_attempts()
    {
        await using var server = new FaultServer((_, s, _) => FaultServer.ReplyAsync(s, 503, "node is syncing"));
        using var client = FaultClients.For(server, maxRetries: 3);
        var e = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(4, e.Attempts);
        Assert.Equal(4, server.RequestCount);
        Assert.Equal("eth_chainId", e.Method);
        Assert.Contains("HTTP 503", e.Message, StringComparison.Ordinal);
        Assert.Contains("node is syncing", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(after 4 attempts)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_404_is_not_retried()
    {
        await using var server = new FaultServer((_, s, _) => FaultServer.ReplyAsync(s, 404, "no such path"));
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal(1, e.Attempts);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Http_429_waits_for_Retry_After_then_retries()
    {
        await using var server = new FaultServer((r, s, _) =>
            r.Index == 0 ? FaultServer.ReplyAsync(s, 429, "slow down", "Retry-After: 1") : FaultServer.OkAsync(s, r.Result("\"0x7a69\"")));
        using var client = FaultClients.For(server);
        var clock = Stopwatch.StartNew();
        Assert.Equal(31337, await client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5)); // backoff alone would be ~1 ms
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Http_429_asking_for_more_than_MaxRetryAfter_fails_at_once()
    {
        await using var server = new FaultServer((_, s, _) => FaultServer.ReplyAsync(s, 429, "", "Retry-After: 120"));
        using var client = FaultClients.For(server);
        var e = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Equal(HttpStatusCode.TooManyRequests, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), e.RetryAfter);
        Assert.Equal(1, e.Attempts);
        Assert.Contains("retry after 120 s, more than MaxRetryAfter (2 s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_refused_is_a_transport_error_after_retries()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        using var client = FaultClients.For($"http://127.0.0.1:{port}/", maxRetries: 2);
        var e = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Null(e.StatusCode);
        Assert.False(e.IsTimeout);
        Assert.Equal(3, e.Attempts);
        Assert.Contains("cannot be reached", e.Message, StringComparison.Ordinal);
        Assert.Contains("refused", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task A_server_that_never_answers_hits_the_timeout_on_every_attempt_without_hanging()
    {
        await using var server = new FaultServer(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return false;
        });
        using var client = FaultClients.For(server, maxRetries: 1, timeoutMs: 200);
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_getLogs", [], RpcJson.ReadElement));
        Assert.True(e.IsTimeout);
        Assert.Equal(2, e.Attempts);
        Assert.Contains("no complete answer", e.Message, StringComparison.Ordinal);
        Assert.Contains("within 200 ms", e.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(390), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_body_that_stalls_half_way_hits_the_timeout()
    {
        await using var server = new FaultServer(async (r, s, ct) =>
        {
            await FaultServer.WriteHeadAsync(s, 200, ["Content-Length: 1000", "Content-Type: application/json"]);
            await s.WriteAsync(Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{r.Id},\"result\":[{{"), ct);
            await s.FlushAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
            return false;
        });
        using var client = FaultClients.For(server, maxRetries: 0, timeoutMs: 200);
        var e = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallListAsync("eth_getLogs", [], RpcJson.ReadElement));
        Assert.True(e.IsTimeout);
        Assert.Equal(1, e.Attempts);
    }

    [Fact]
    public async Task Per_call_timeout_overrides_the_option()
    {
        await using var server = new FaultServer(async (r, s, ct) =>
        {
            await Task.Delay(300, ct);
            return await FaultServer.OkAsync(s, r.Result("\"0x1\""));
        });
        using var client = FaultClients.For(server, maxRetries: 0, timeoutMs: 5000);
        var e = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong, TimeSpan.FromMilliseconds(50), default));
        Assert.True(e.IsTimeout);
        Assert.Equal(1, await client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_a_timeout_and_is_not_retried()
    {
        await using var server = new FaultServer(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return false;
        });
        using var client = FaultClients.For(server, maxRetries: 3, timeoutMs: 5000);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong, cts.Token));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_connection_closed_before_the_announced_length_is_a_transport_error()
    {
        await using var server = new FaultServer(async (r, s, ct) =>
        {
            await FaultServer.WriteHeadAsync(s, 200, ["Content-Length: 500", "Content-Type: application/json"]);
            await s.WriteAsync(Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{r.Id},\"result\":\"0x"), ct);
            return false; // closes the connection
        });
        using var client = FaultClients.For(server, maxRetries: 1);
        var e = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", [], RpcJson.ReadLong));
        Assert.Equal(2, e.Attempts);
        Assert.Contains("broke while reading the answer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_announced_above_MaxResponseBytes_fails_before_reading_and_is_not_retried()
    {
        await using var server = new FaultServer(async (_, s, ct) =>
        {
            await FaultServer.WriteHeadAsync(s, 200, ["Content-Length: 5000000", "Content-Type: application/json"]);
            await s.WriteAsync(new byte[5_000_000], ct);
            return false;
        });
        using var client = FaultClients.For(server, maxResponseBytes: 100_000);
        var e = await Assert.ThrowsAsync<RpcResponseTooLargeException>(() => client.CallListAsync("eth_getLogs", [], RpcJson.ReadElement));
        Assert.Equal(100_000, e.Limit);
        Assert.Equal(1, e.Attempts);
        Assert.Equal(1, server.RequestCount);
        Assert.Contains("exceeds MaxResponseBytes (100,000 bytes)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unannounced_huge_answer_stops_at_the_limit_instead_of_buffering_it()
    {
        var sent = 0L;
        await using var server = new FaultServer(async (r, s, ct) =>
        {
            await FaultServer.WriteHeadAsync(s, 200, ["Connection: close", "Content-Type: application/json"]);
            await s.WriteAsync(Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{r.Id},\"result\":["), ct);
            var element = Encoding.UTF8.GetBytes("\"0x" + new string('a', 1000) + "\",");
            for (var i = 0; i < 200_000; i++) // 200 MB if nobody stopped it
            {
                await s.WriteAsync(element, ct);
                sent += element.Length;
            }
            return false;
        });
        using var client = FaultClients.For(server, maxResponseBytes: 2_000_000);
        var e = await Assert.ThrowsAsync<RpcResponseTooLargeException>(() => client.CallListAsync("eth_getLogs", [], RpcJson.ReadData));
        Assert.Equal(1, e.Attempts);
        Assert.True(Interlocked.Read(ref sent) < 50_000_000, $"the server managed to send {sent:N0} bytes");
    }
}
