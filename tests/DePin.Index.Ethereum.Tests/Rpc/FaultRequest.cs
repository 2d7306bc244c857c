using System.Text.Json;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>A request as the <see cref="FaultServer"/> received it: its order and JSON body.</summary>
public sealed class FaultRequest(int index, string body)
{
    public int Index { get; } = index;

    public string Body { get; } = body;

    /// <summary>The id of a single request.</summary>
    public long Id
    {
        get
        {
            using var doc = JsonDocument.Parse(Body);
            return doc.RootElement.GetProperty("id").GetInt64();
        }
    }

    /// <summary>The ids of a batch request, in request order.</summary>
    public IReadOnlyList<long> Ids
    {
        get
        {
            using var doc = JsonDocument.Parse(Body);
            return doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        }
    }

    public string Method
    {
        get
        {
            using var doc = JsonDocument.Parse(Body);
            return doc.RootElement.GetProperty("method").GetString()!;
        }
    }

    /// <summary>A JSON-RPC answer to this (single) request with the given raw result JSON.</summary>
    public string Result(string resultJson) => $"{{\"jsonrpc\":\"2.0\",\"id\":{Id},\"result\":{resultJson}}}";
}
