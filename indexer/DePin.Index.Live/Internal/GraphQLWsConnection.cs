using System.Net.WebSockets;
using System.Threading.Channels;
using DePin.Index.GraphQL;
using Microsoft.Extensions.Logging;

namespace DePin.Index.Live.Internal;

/// <summary>
/// One graphql-transport-ws connection on one deployment. The receive loop answers the protocol (init/ack, ping/pong,
/// subscribe/complete, close codes); a worker runs the queries one at a time: each new subscription's first result, then on each
/// block notice (coalesced: whatever queued meanwhile is one wake-up) the subscriptions whose entity types the block touched,
/// pushing <c>next</c> only when the result changed.
/// </summary>
internal sealed class GraphQLWsConnection
{
    private readonly WebSocket _socket;
    private readonly string _deploymentId;
    private readonly IGraphQLExecutor _executor;
    private readonly LiveHub _hub;
    private readonly LiveOptions _options;
    private readonly LiveMetrics _metrics;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Channel<object> _work = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closing = new();
    private bool _initReceived;
    private bool _serverClosed;

    public GraphQLWsConnection(WebSocket socket, string deploymentId, IGraphQLExecutor executor, LiveHub hub, LiveOptions options, LiveMetrics metrics, ILogger logger)
    {
        _socket = socket;
        _deploymentId = deploymentId;
        _executor = executor;
        _hub = hub;
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _closing.Token);
        var ct = linked.Token;
        using var listening = _hub.Listen(_deploymentId, n => _work.Writer.TryWrite(n));
        var worker = Task.Run(() => WorkAsync(ct), CancellationToken.None);
        var initTimer = Task.Run(() => InitTimeoutAsync(ct), CancellationToken.None);
        try
        {
            await ReceiveLoopAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // closing
        }
        catch (WebSocketException e)
        {
            _logger.LogDebug("WebSocket of {Deployment} ended: {Error}", _deploymentId, e.Message);
        }
        finally
        {
            await _closing.CancelAsync().ConfigureAwait(false);
            _work.Writer.TryComplete();
            await Task.WhenAll(worker, initTimer).ConfigureAwait(false);
            lock (_subscriptions)
            {
                foreach (var _ in _subscriptions)
                {
                    _metrics.SubscriptionRemoved();
                }

                _subscriptions.Clear();
            }

            _closing.Dispose();
            _send.Dispose();
        }
    }

    private async Task InitTimeoutAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeoutMs, ct).ConfigureAwait(false);
            if (!Volatile.Read(ref _initReceived))
            {
                await CloseAsync(WsMessages.InitTimeout, "Connection initialisation timeout").ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the connection ended first
        }
    }

    /// <summary>
    /// Reads client messages until the client's close frame. After the server closed (a protocol violation, the init timeout) it
    /// goes on reading, discarding, until the client answers the close (at most 2 s), so the close frame is not lost to a reset.
    /// </summary>
    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            var discard = Volatile.Read(ref _serverClosed);
            WebSocketReceiveResult r;
            do
            {
                r = await _socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await CloseAsync(WebSocketCloseStatus.NormalClosure, "", fromClient: true).ConfigureAwait(false);
                    }

                    return;
                }

                if (!discard && message.Length + r.Count > _options.MaxMessageBytes)
                {
                    await CloseAsync(WsMessages.MessageTooBig, $"Message too big: more than {_options.MaxMessageBytes} bytes").ConfigureAwait(false);
                    discard = true;
                }

                if (!discard)
                {
                    message.Write(buffer, 0, r.Count);
                }
            }
            while (!r.EndOfMessage);

            if (!discard && !Volatile.Read(ref _serverClosed))
            {
                await HandleAsync(message.GetBuffer().AsSpan(0, (int)message.Length).ToArray()).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Handles one client message; false when the connection was closed.</summary>
    private async Task<bool> HandleAsync(byte[] utf8)
    {
        var m = WsMessages.TryParse(utf8, out var error);
        if (m is null)
        {
            await CloseAsync(WsMessages.BadRequest, error!).ConfigureAwait(false);
            return false;
        }

        switch (m.Type)
        {
            case "connection_init":
                if (_initReceived)
                {
                    await CloseAsync(WsMessages.TooManyInits, "Too many initialisation requests").ConfigureAwait(false);
                    return false;
                }

                Volatile.Write(ref _initReceived, true);
                await SendAsync(WsMessages.Simple("connection_ack")).ConfigureAwait(false);
                return true;
            case "ping":
                await SendAsync(WsMessages.Simple("pong")).ConfigureAwait(false);
                return true;
            case "pong":
                return true;
            case "subscribe":
                return await SubscribeAsync(m).ConfigureAwait(false);
            case "complete":
                if (m.Id is { } done)
                {
                    Remove(done);
                }

                return true;
            default:
                await CloseAsync(WsMessages.BadRequest, $"Invalid message received: unknown type '{Truncate(m.Type, 40)}'").ConfigureAwait(false);
                return false;
        }
    }

    private async Task<bool> SubscribeAsync(WsMessages.Incoming m)
    {
        if (!_initReceived)
        {
            await CloseAsync(WsMessages.Unauthorized, "Unauthorized").ConfigureAwait(false);
            return false;
        }

        if (string.IsNullOrEmpty(m.Id))
        {
            await CloseAsync(WsMessages.BadRequest, "Invalid message received: subscribe needs an 'id'").ConfigureAwait(false);
            return false;
        }

        var id = m.Id;
        lock (_subscriptions)
        {
            if (_subscriptions.ContainsKey(id))
            {
                id = null;
            }
        }

        if (id is null)
        {
            await CloseAsync(WsMessages.SubscriberExists, $"Subscriber for {Truncate(m.Id, 60)} already exists").ConfigureAwait(false);
            return false;
        }

        var request = WsMessages.TryRequest(m.Payload, out var error);
        NormalizedQuery? query = null;
        if (request is not null)
        {
            try
            {
                query = NormalizedQuery.Parse(request.Query, request.OperationName, _options.MaxMessageBytes);
                if (query.OperationType == "mutation")
                {
                    error = "mutations are not supported: the API is read-only";
                }
            }
            catch (LiveQueryException e)
            {
                error = e.Message;
            }
        }

        if (error is not null || request is null || query is null)
        {
            await SendAsync(WsMessages.Error(id, error ?? "invalid subscribe payload")).ConfigureAwait(false);
            return true;
        }

        Subscription sub;
        lock (_subscriptions)
        {
            if (_subscriptions.Count >= _options.MaxSubscriptionsPerConnection)
            {
                sub = null!;
            }
            else
            {
                sub = new Subscription(id, request with { Query = query.Text }, query);
                _subscriptions[id] = sub;
                _metrics.SubscriptionAdded();
            }
        }

        if (sub is null)
        {
            await SendAsync(WsMessages.Error(id, $"too many subscriptions on this connection (at most {_options.MaxSubscriptionsPerConnection})")).ConfigureAwait(false);
            return true;
        }

        _work.Writer.TryWrite(sub);
        return true;
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            while (await _work.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                BlockNotice? latest = null;
                var touched = new HashSet<string>(StringComparer.Ordinal);
                var anything = false;
                var fresh = new List<Subscription>();
                while (_work.Reader.TryRead(out var item))
                {
                    if (item is Subscription s)
                    {
                        fresh.Add(s);
                    }
                    else if (item is BlockNotice n)
                    {
                        latest = n;
                        anything |= n.Revert;
                        touched.UnionWith(n.EntityTypes);
                    }
                }

                foreach (var s in fresh)
                {
                    await RunAsync(s, first: true, ct).ConfigureAwait(false);
                }

                if (latest is not null)
                {
                    var wake = latest with { EntityTypes = [.. touched], Revert = anything };
                    foreach (var s in Snapshot())
                    {
                        if (!fresh.Contains(s) && (s.Query.ReadsMeta || wake.Touches(s.EntityTypes)))
                        {
                            await RunAsync(s, first: false, ct).ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the connection ended
        }
        catch (WebSocketException e)
        {
            _logger.LogDebug("Push to a WebSocket of {Deployment} failed: {Error}", _deploymentId, e.Message);
        }
    }

    private async Task RunAsync(Subscription s, bool first, CancellationToken ct)
    {
        if (!IsActive(s))
        {
            return;
        }

        var result = await _executor.ExecuteAsync(_deploymentId, s.Request, ct).ConfigureAwait(false);
        if (!IsActive(s))
        {
            return;
        }

        if (first && WsMessages.RequestErrors(result.Utf8Json) is { } errors)
        {
            Remove(s.Id);
            await SendAsync(WsMessages.Errors(s.Id, errors)).ConfigureAwait(false);
            return;
        }

        s.EntityTypes = result.EntityTypes.Count == 0 && result.Block is null ? null : result.EntityTypes;
        if (!first && s.Last is { } last && last.AsSpan().SequenceEqual(result.Utf8Json))
        {
            return;
        }

        s.Last = result.Utf8Json;
        await SendAsync(WsMessages.Next(s.Id, result.Utf8Json)).ConfigureAwait(false);
        _metrics.Pushed();
        if (s.Query.OperationType == "query")
        {
            Remove(s.Id); // a plain query over the socket: one result, then complete
            await SendAsync(WsMessages.Complete(s.Id)).ConfigureAwait(false);
        }
    }

    private bool IsActive(Subscription s)
    {
        lock (_subscriptions)
        {
            return _subscriptions.TryGetValue(s.Id, out var current) && ReferenceEquals(current, s);
        }
    }

    private List<Subscription> Snapshot()
    {
        lock (_subscriptions)
        {
            return [.. _subscriptions.Values];
        }
    }

    private void Remove(string id)
    {
        lock (_subscriptions)
        {
            if (_subscriptions.Remove(id))
            {
                _metrics.SubscriptionRemoved();
            }
        }
    }

    private async Task SendAsync(byte[] utf8)
    {
        await _send.WaitAsync(_closing.Token).ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, _closing.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _send.Release();
        }
    }

    private Task CloseAsync(int code, string reason) => CloseAsync((WebSocketCloseStatus)code, reason, fromClient: false);

    private async Task CloseAsync(WebSocketCloseStatus code, string reason, bool fromClient)
    {
        try
        {
            await _send.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(code, Truncate(reason, 120), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            _logger.LogDebug("Closing a WebSocket of {Deployment} failed: {Error}", _deploymentId, e.Message);
        }
        finally
        {
            _send.Release();
            if (!fromClient)
            {
                Volatile.Write(ref _serverClosed, true);
                try
                {
                    _closing.CancelAfter(TimeSpan.FromSeconds(2)); // the client has that long to answer the close
                }
                catch (ObjectDisposedException)
                {
                    // the connection already ended
                }
            }
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private sealed class Subscription(string id, GraphQLQuery request, NormalizedQuery query)
    {
        public string Id { get; } = id;

        public GraphQLQuery Request { get; } = request;

        public NormalizedQuery Query { get; } = query;

        /// <summary>Entity types the last result read; null = unknown (re-run on every block).</summary>
        public IReadOnlyCollection<string>? EntityTypes { get; set; }

        public byte[]? Last { get; set; }
    }
}
