using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace DePin.Index.Live.Tests;

/// <summary>A bare graphql-transport-ws client for protocol tests (System.Net.WebSockets).</summary>
internal sealed class WsTestClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    public static async Task<WsTestClient> ConnectAsync(Uri url, bool protocol = true, bool init = true)
    {
        var c = new WsTestClient();
        if (protocol)
        {
            c._socket.Options.AddSubProtocol("graphql-transport-ws");
        }

        await c._socket.ConnectAsync(url, CancellationToken.None);
        if (init)
        {
            await c.SendAsync("""{"type":"connection_init"}""");
            Assert.Equal("connection_ack", (await c.ReceiveAsync()).GetProperty("type").GetString());
        }

        return c;
    }

    public Task SendAsync(string json) => SendRawAsync(Encoding.UTF8.GetBytes(json));

    public async Task SendRawAsync(byte[] bytes) =>
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query, variables } }));

    /// <summary>The next message; fails after <paramref name="timeoutMs"/>.</summary>
    public async Task<JsonElement> ReceiveAsync(int timeoutMs = 5000)
    {
        var message = await TryReceiveAsync(timeoutMs);
        Assert.True(message is not null, $"no message within {timeoutMs} ms (socket {_socket.State}, close {_socket.CloseStatus} {_socket.CloseStatusDescription})");
        return message.Value;
    }

    /// <summary>The next message, or null when none came in time or the socket closed.</summary>
    public async Task<JsonElement?> TryReceiveAsync(int timeoutMs)
    {
        using var cts = new CancellationTokenSource(timeoutMs);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            WebSocketReceiveResult r;
            do
            {
                r = await _socket.ReceiveAsync(chunk, cts.Token);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                buffer.Write(chunk, 0, r.Count);
            }
            while (!r.EndOfMessage);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (WebSocketException)
        {
            return null;
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    /// <summary>Reads until the server closes; returns the close code.</summary>
    public async Task<int?> WaitClosedAsync(int timeoutMs = 5000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (Environment.TickCount64 < deadline && _socket.State == WebSocketState.Open)
        {
            await TryReceiveAsync((int)Math.Max(1, deadline - Environment.TickCount64));
        }

        return (int?)_socket.CloseStatus;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(1000);
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", cts.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // already gone
            }
        }

        _socket.Dispose();
    }
}
