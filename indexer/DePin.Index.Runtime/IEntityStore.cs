using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime;

/// <summary>
/// The entity store as a mapping sees it (graph-node's entity cache): the state of the
/// deployment as of the block being processed, including the changes of earlier handlers of
/// the same block. The host buffers a handler's own writes and applies them here only when the
/// handler succeeds, so an implementation never sees the writes of a failed handler.
/// Implementations must return entities the caller may not mutate (or copies). An exception
/// thrown by an implementation fails the handler as retryable (non-deterministic), except an
/// <see cref="ArgumentException"/>, which reports an invalid request and is deterministic.
/// </summary>
public interface IEntityStore
{
    /// <summary>The current version of an entity, or null.</summary>
    Entity? Get(string entityType, string id);

    /// <summary>The entity only if it was created or updated in the current block, else null.</summary>
    Entity? GetInBlock(string entityType, string id);

    /// <summary>
    /// The entities of the <c>@derivedFrom</c> field <paramref name="field"/> of entity
    /// <paramref name="entityType"/>/<paramref name="id"/>: those whose referencing field contains this id.
    /// </summary>
    IReadOnlyList<Entity> LoadRelated(string entityType, string id, string field);

    /// <summary>Creates or replaces an entity (the data includes its <c>id</c>).</summary>
    void Set(string entityType, string id, Entity entity);

    /// <summary>Removes an entity; removing an absent entity is not an error.</summary>
    void Remove(string entityType, string id);
}
