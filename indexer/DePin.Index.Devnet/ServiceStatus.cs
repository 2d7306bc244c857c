namespace DePin.Index.Devnet;

/// <summary>What `status` found for one server.</summary>
/// <param name="Name">postgres, redis or anvil.</param>
/// <param name="Record">What state.json records, or null if the server was never started or was stopped.</param>
/// <param name="Alive">The recorded PID is alive and is still that server.</param>
/// <param name="Answering">It answers its protocol (PostgreSQL session, Redis PING, eth_chainId).</param>
public sealed record ServiceStatus(string Name, ServiceRecord? Record, bool Alive, bool Answering)
{
    public bool Running => Alive && Answering;
}
