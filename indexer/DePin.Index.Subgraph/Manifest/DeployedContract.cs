namespace DePin.Index.Subgraph.Manifest;

/// <summary>A deployed contract as the devnet's state file records it: address (as written) and deployment block.</summary>
public sealed record DeployedContract(string Address, long Block);
