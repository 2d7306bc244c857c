using DePin.Index.Chain;

namespace DePin.Index.Indexing;

/// <summary>
/// The triggers of block <paramref name="block"/> for data sources its handlers just created (graph-node runs
/// them after the block's other triggers), with the transactions they need. <see cref="PollingBlockStream.AddDataSourcesAsync"/>
/// has this shape: it also makes the stream include the new data sources from the next block on.
/// </summary>
public delegate Task<BlockWithTriggers> NewDataSourceTriggers(BlockPtr block, IReadOnlyList<DataSourceInstance> created, CancellationToken cancellationToken);
