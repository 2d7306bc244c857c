namespace DePin.Index.Chain;

/// <summary>
/// What a <see cref="PollingBlockStream"/> yields: <see cref="ProcessBlocks"/> (blocks to process, in order) or
/// <see cref="Revert"/> (undo every block above an ancestor), as graph-node's <c>BlockStreamEvent</c>.
/// </summary>
public abstract record BlockStreamEvent;
