using DePin.Index.Chain;
using DePin.Index.Devnet.Contracts;
using DePin.Index.Indexing.Tests.Fixtures;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing.Tests;

/// <summary>
/// A store failure while a block is processed (the database going away) is not the subgraph's fault: the block
/// fails as retryable, nothing of it is kept, the subgraph stays healthy, and processing the block again gives
/// exactly the changes an undisturbed run gives.
/// </summary>
[Collection(SimulatedChainCollection.Name)]
public sealed class RetryTests(SimulatedChain chain)
{
    [Fact]
    public async Task A_store_failure_fails_the_block_as_retryable_and_a_retry_gives_the_same_changes()
    {
        var definition = BuiltManifest.Load(SubgraphBuild.DepinManifest, chain.DepinDataSources());
        var start = definition.Manifest.DataSources.Min(d => d.Source.StartBlock);
        var blocks = await new ChainLoader(chain.Rpc).LoadAsync(DataSourceInstance.FromManifest(definition.Manifest), start, chain.First.LastBlock);

        var reference = new InMemoryEntitySource(definition.Schema);
        using var undisturbed = new SubgraphInstance(definition, reference);
        var expected = blocks.Select(b =>
        {
            var changes = undisturbed.ProcessBlock(b);
            reference.Apply(changes);
            return changes;
        }).ToList();

        var store = new InMemoryEntitySource(definition.Schema);
        var flaky = new FlakySource(store);
        using var subgraph = new SubgraphInstance(definition, flaky);
        var failures = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            flaky.Arm(i % 2 == 0 ? 3 : -1);   // every other block: its fourth read fails once
            BlockChanges changes;
            try
            {
                changes = subgraph.ProcessBlock(blocks[i]);
                Assert.True(flaky.FailAfter < 0 || flaky.Reads <= 3, "the block should have failed");
            }
            catch (IndexingException e)
            {
                failures++;
                Assert.False(e.IsDeterministic);
                Assert.Contains("entity store failed: connection reset", e.Reason, StringComparison.Ordinal);
                Assert.Equal(blocks[i].Ptr, e.Block);
                Assert.Null(subgraph.Failure);
                flaky.Arm(-1);
                changes = subgraph.ProcessBlock(blocks[i]);
            }

            Assert.Equal(Describe(expected[i]), Describe(changes));
            store.Apply(changes);
        }

        Assert.True(failures > 0);
        DepinTotals.AssertMatch(store, chain.First);
    }

    private static List<string> Describe(BlockChanges changes) =>
        [.. changes.Modifications.Select(m => $"{m.Kind} {m.EntityType}[{m.Id}]@{m.Block} {m.Entity}")];

    private sealed class FlakySource(IEntitySource inner) : IEntitySource
    {
        public int FailAfter { get; private set; } = -1;

        public int Reads { get; private set; }

        public void Arm(int failAfter)
        {
            FailAfter = failAfter;
            Reads = 0;
        }

        public Entity? Get(string entityType, string id)
        {
            Read();
            return inner.Get(entityType, id);
        }

        public IReadOnlyDictionary<string, Entity> GetMany(string entityType, IReadOnlyCollection<string> ids)
        {
            Read();
            return inner.GetMany(entityType, ids);
        }

        public IReadOnlyList<Entity> LoadRelated(string entityType, string id, string field) => inner.LoadRelated(entityType, id, field);

        private void Read()
        {
            if (Reads++ == FailAfter)
            {
                throw new IOException("connection reset");
            }
        }
    }
}
