using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing;

/// <summary>
/// Where the <see cref="EntityCache"/> reads entities it has not seen in the current block: the deployment's
/// store as of the last block handed to it (its committed state plus any changes still queued for writing).
/// <see cref="InMemoryEntitySource"/> implements it in memory; the PostgreSQL store will implement it with its
/// read queries. Synchronous, as the mapping host calls the store synchronously. Returned entities are not
/// mutated by the cache.
/// </summary>
public interface IEntitySource
{
    /// <summary>The entity, or null when it does not exist. <paramref name="id"/> is normalised (Bytes ids as lower-case <c>0x</c> hex).</summary>
    Entity? Get(string entityType, string id);

    /// <summary>The entities of <paramref name="ids"/> that exist, by id (one round trip for a block's unseen writes).</summary>
    IReadOnlyDictionary<string, Entity> GetMany(string entityType, IReadOnlyCollection<string> ids);

    /// <summary>
    /// The entities of the <c>@derivedFrom</c> field <paramref name="field"/> of <paramref name="entityType"/>
    /// <paramref name="id"/>; <see cref="ArgumentException"/> when the field is not derived.
    /// </summary>
    IReadOnlyList<Entity> LoadRelated(string entityType, string id, string field);
}
