using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DePin.Index.Devnet.Internal;

/// <summary>
/// The two or three JSON-RPC calls the devnet needs to probe anvil (eth_chainId, eth_getCode), over a plain
/// HttpClient so this library does not depend on the full RPC client.
/// </summary>
internal static class RawJsonRpc
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    /// <summary>The call's `result` as a string, or null when the server does not answer or answers with an error.</summary>
    public static async Task<string?> TryCallAsync(Uri url, string method, string paramsJson, CancellationToken cancellationToken)
    {
        var body = $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"params\":{paramsJson}}}";
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await Http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return null;
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.String
                ? result.GetString()
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // the per-request timeout
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
