using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>Clients with millisecond backoff for fault-injection tests.</summary>
public static class FaultClients
{
    public static JsonRpcClient For(FaultServer server, int maxRetries = 2, int timeoutMs = 5000, long maxResponseBytes = 1 << 20) =>
        For(server.Url, maxRetries, timeoutMs, maxResponseBytes);

    public static JsonRpcClient For(string url, int maxRetries = 2, int timeoutMs = 5000, long maxResponseBytes = 1 << 20) =>
        new(new JsonRpcClientOptions
        {
            Url = new Uri(url),
            MaxRetries = maxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(10),
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            MaxRetryAfter = TimeSpan.FromSeconds(2),
            MaxResponseBytes = maxResponseBytes,
        });
}
