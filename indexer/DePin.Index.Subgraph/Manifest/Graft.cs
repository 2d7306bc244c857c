namespace DePin.Index.Subgraph.Manifest;

/// <summary><c>graft: { base, block }</c>: start from the data of deployment <see cref="Base"/> up to block <see cref="Block"/>.</summary>
public sealed record Graft(string Base, long Block);
