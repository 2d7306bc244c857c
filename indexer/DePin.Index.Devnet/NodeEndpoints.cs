namespace DePin.Index.Devnet;

/// <summary>The ports of the devnet's index node (all on 127.0.0.1), recorded with its process in state.json.</summary>
public sealed record NodeEndpoints(int HttpPort, int WsPort, int AdminPort, int StatusPort, int MetricsPort, int IpfsPort, string NodeId)
{
    public string HttpUrl => $"http://127.0.0.1:{HttpPort}";

    public string AdminUrl => $"http://127.0.0.1:{AdminPort}";

    public string StatusUrl => $"http://127.0.0.1:{StatusPort}";

    public string MetricsUrl => $"http://127.0.0.1:{MetricsPort}";

    public string IpfsUrl => $"http://127.0.0.1:{IpfsPort}";
}
