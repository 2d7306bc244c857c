namespace DePin.Index.Devnet;

/// <summary>A contract deployed on the devnet chain: its address and the block it was deployed in (a subgraph's startBlock).</summary>
public sealed record DeployedContract(string Address, long Block);
