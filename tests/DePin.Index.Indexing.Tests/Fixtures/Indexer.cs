using DePin.Index.Chain;

namespace DePin.Index.Indexing.Tests.Fixtures;

/// <summary>Runs a subgraph over blocks in memory, applying each block's changes before the next.</summary>
internal static class Indexer
{
    public static async Task<int> RunAsync(SubgraphInstance subgraph, InMemoryEntitySource store, IEnumerable<BlockWithTriggers> blocks, ChainLoader? loader = null)
    {
        var handlers = 0;
        foreach (var block in blocks)
        {
            var changes = loader is null
                ? subgraph.ProcessBlock(block)
                : await subgraph.ProcessBlockAsync(block, loader.TriggersForNewDataSourcesAsync);
            store.Apply(changes);
            handlers += changes.HandlersRun;
        }

        return handlers;
    }
}
