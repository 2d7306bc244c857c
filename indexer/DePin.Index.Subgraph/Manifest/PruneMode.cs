namespace DePin.Index.Subgraph.Manifest;

/// <summary><c>indexerHints.prune</c>.</summary>
public enum PruneMode
{
    /// <summary>Keep the history the node needs (about the reorg threshold).</summary>
    Auto,

    /// <summary>Keep all history (time-travel queries to any block).</summary>
    Never,

    /// <summary>Keep the last <see cref="IndexerHints.HistoryBlocks"/> blocks.</summary>
    Blocks,
}
