using System.Diagnostics;
using System.Text.Json;

namespace DePin.Index.Node.Indexing;

/// <summary>
/// Counts the chain JSON-RPC requests a network's client sends (<c>eth_rpc_requests_total</c>, <c>eth_rpc_errors_total</c>,
/// <c>eth_rpc_request_duration_seconds</c>), labelled by the JSON-RPC method (<c>batch</c> for a batch). An error is a transport
/// failure or an HTTP status other than 2xx; JSON-RPC error objects inside a 200 answer are counted as calls only.
/// </summary>
internal sealed class RpcMetricsHandler(NodeMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Content is ByteArrayContent content ? MethodOf(await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)) : "unknown";
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.RpcCall(method, watch.Elapsed, failed: !response.IsSuccessStatusCode);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            metrics.RpcCall(method, watch.Elapsed, failed: true);
            throw;
        }
    }

    /// <summary>The <c>method</c> of a JSON-RPC request body; <c>batch</c> for an array, <c>unknown</c> when it cannot be read.</summary>
    internal static string MethodOf(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read())
            {
                return "unknown";
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                return "batch";
            }

            while (reader.Read() && reader.CurrentDepth >= 1)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("method"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "unknown" : "unknown";
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // not JSON: counted as unknown
        }

        return "unknown";
    }
}
