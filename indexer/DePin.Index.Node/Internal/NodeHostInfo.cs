namespace DePin.Index.Node;

/// <summary>What the endpoints need to know about the running host: bound ports, token, external URL.</summary>
internal sealed class NodeHostInfo
{
    public required string NodeId { get; init; }

    public string? AdminToken { get; init; }

    public string? ExternalHttpBaseUrl { get; init; }

    public int WsPort { get; init; }

    /// <summary>The bound GraphQL HTTP port (set once it listens).</summary>
    public int HttpPort { get; set; }
}
