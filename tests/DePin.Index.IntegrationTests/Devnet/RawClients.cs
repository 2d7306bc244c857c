using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace DePin.Index.IntegrationTests.Devnet;

/// <summary>Minimal clients written independently of the library under test: TCP connect, Redis PING, JSON-RPC.</summary>
internal static class RawClients
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<bool> TcpConnectsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return client.Connected;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task<string> RedisCommandAsync(int port, string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[256];
        var n = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, n).TrimEnd();
    }

    public static async Task<JsonElement> RpcAsync(string url, string method, string paramsJson = "[]")
    {
        using var content = new StringContent($"{{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"{method}\",\"params\":{paramsJson}}}",
            Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(url), content);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (doc.RootElement.TryGetProperty("error", out var error)) throw new InvalidOperationException(error.ToString());
        return doc.RootElement.GetProperty("result").Clone();
    }

    /// <summary>Deploys a contract whose runtime code is the single byte 0x00, from anvil's first unlocked account.</summary>
    public static async Task<string> DeployTinyContractAsync(string url)
    {
        var from = (await RpcAsync(url, "eth_accounts"))[0].GetString();
        // PUSH1 0 PUSH1 0 MSTORE8 PUSH1 1 PUSH1 0 RETURN: returns one zero byte as the runtime code.
        var hash = (await RpcAsync(url, "eth_sendTransaction", $"[{{\"from\":\"{from}\",\"data\":\"0x600060005360016000f3\"}}]")).GetString();
        for (var i = 0; i < 100; i++)
        {
            var receipt = await RpcAsync(url, "eth_getTransactionReceipt", $"[\"{hash}\"]");
            if (receipt.ValueKind == JsonValueKind.Object) return receipt.GetProperty("contractAddress").GetString()!;
            await Task.Delay(20);
        }
        throw new TimeoutException("no receipt for the deployment");
    }
}
