namespace DePin.Index.Subgraph.Manifest;

/// <summary><c>indexerHints</c> (specVersion ≥ 1.0.0): how much entity history to keep.</summary>
public sealed record IndexerHints(PruneMode Prune, int? HistoryBlocks = null);
