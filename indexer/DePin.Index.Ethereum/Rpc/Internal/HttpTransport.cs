using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>
/// One attempt of a call: POST the body, check the status, stream the answer into the reader function, all
/// within the attempt's time limit. Every failure leaves as an <see cref="RpcTransportException"/> or
/// <see cref="RpcProtocolException"/> flagged transient or not; the caller's cancellation passes through.
/// </summary>
internal sealed class HttpTransport(HttpClient http, JsonRpcClientOptions options)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<T> SendAsync<T>(string method, byte[] body, TimeSpan timeout,
        Func<JsonStreamReader, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        var url = options.Url!;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan) cts.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url);
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw await StatusFailureAsync(method, response, cts.Token).ConfigureAwait(false);
            if (response.Content.Headers.ContentLength is { } announced && announced > options.MaxResponseBytes)
                throw new RpcResponseTooLargeException(method, options.MaxResponseBytes);
            var stream = await response.Content.ReadAsStreamAsync(cts.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new JsonStreamReader(stream, options.MaxResponseBytes, method);
                return await read(reader, cts.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcTransportException($"{method}: no complete answer from {url} within {Format(timeout)}", method, url,
                statusCode: null, isTimeout: true, isTransient: true, retryAfter: null, e);
        }
        catch (HttpRequestException e)
        {
            throw new RpcTransportException($"{method}: {url} cannot be reached: {e.Message}", method, url,
                e.StatusCode, isTimeout: false, isTransient: true, retryAfter: null, e);
        }
        catch (IOException e)
        {
            throw new RpcTransportException($"{method}: the connection to {url} broke while reading the answer: {e.Message}", method, url,
                statusCode: null, isTimeout: false, isTransient: true, retryAfter: null, e);
        }
    }

    private async Task<RpcTransportException> StatusFailureAsync(string method, HttpResponseMessage response, CancellationToken ct)
    {
        var url = options.Url!;
        var status = response.StatusCode;
        var code = (int)status;
        var transient = code is 408 or 429 or >= 500;
        var retryAfter = RetryAfterOf(response);
        var snippet = await SnippetAsync(response, ct).ConfigureAwait(false);
        var text = $"{method}: HTTP {code} {response.ReasonPhrase} from {url}{(snippet.Length > 0 ? $": {snippet}" : "")}";
        if (retryAfter is { } after && after > options.MaxRetryAfter)
        {
            text += $"; the server asks to retry after {Format(after)}, more than MaxRetryAfter ({Format(options.MaxRetryAfter)})";
            transient = false;
        }
        return new RpcTransportException(text, method, url, status, isTimeout: false, transient, retryAfter, inner: null);
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>The start of an error body, for the message (at most 300 characters; never the whole body).</summary>
    private static async Task<string> SnippetAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[300];
                var filled = 0;
                while (filled < buffer.Length)
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(filled), ct).ConfigureAwait(false);
                    if (n == 0) break;
                    filled += n;
                }
                var text = Encoding.UTF8.GetString(buffer, 0, filled).ReplaceLineEndings(" ").Trim();
                return filled == buffer.Length ? text + "..." : text;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    private static string Format(TimeSpan t) =>
        t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.###} s" : $"{t.TotalMilliseconds:0.###} ms";
}
