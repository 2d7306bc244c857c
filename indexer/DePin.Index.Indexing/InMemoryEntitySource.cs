using DePin.Index.Store;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing;

/// <summary>
/// A deployment's entities in memory: an <see cref="IEntitySource"/> that <see cref="Apply(BlockChanges)"/>
/// keeps up to date, for tests, benchmarks and offline runs. Applying checks what a store's constraints would:
/// an Insert of an existing entity, or an Overwrite or Remove of an absent one, is refused. Not thread-safe.
/// </summary>
public sealed class InMemoryEntitySource : IEntitySource
{
    private static readonly IReadOnlyDictionary<string, Entity> Empty = new Dictionary<string, Entity>();
    private readonly Dictionary<string, Dictionary<string, Entity>> _types = new(StringComparer.Ordinal);
    private readonly SubgraphSchema? _schema;

    /// <param name="schema">Needed to resolve <c>@derivedFrom</c> fields in <see cref="LoadRelated"/>.</param>
    public InMemoryEntitySource(SubgraphSchema? schema = null)
    {
        _schema = schema;
    }

    /// <summary>The last block applied; null before the first.</summary>
    public long? LatestBlock { get; private set; }

    /// <summary>Modifications applied so far.</summary>
    public long ModificationCount { get; private set; }

    public Entity? Get(string entityType, string id) =>
        _types.TryGetValue(entityType, out var entities) && entities.TryGetValue(id, out var entity) ? entity : null;

    public IReadOnlyDictionary<string, Entity> GetMany(string entityType, IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (!_types.TryGetValue(entityType, out var entities))
        {
            return Empty;
        }

        var found = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (entities.TryGetValue(id, out var entity))
            {
                found[id] = entity;
            }
        }

        return found;
    }

    public IReadOnlyList<Entity> LoadRelated(string entityType, string id, string field)
    {
        if (_schema?.GetDerivedFrom(entityType, field) is not { } derived)
        {
            throw new ArgumentException($"`{entityType}.{field}` is not a @derivedFrom field{(_schema is null ? " (the source has no schema)" : "")}");
        }

        return _types.TryGetValue(derived.EntityType, out var candidates)
            ? candidates.Values.Where(e => References(e.Get(derived.Field), id)).ToList()
            : [];
    }

    /// <summary>Applies a block's changes (blocks in increasing order).</summary>
    public void Apply(BlockChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (LatestBlock is { } latest && changes.Block.Number <= latest)
        {
            throw new InvalidOperationException($"block {changes.Block} is not after the last applied block #{latest}");
        }

        Apply(changes.Modifications);
        LatestBlock = changes.Block.Number;
    }

    /// <summary>Applies modifications in order.</summary>
    /// <exception cref="InvalidOperationException">for an Insert of an existing entity, or an Overwrite/Remove of an absent one.</exception>
    public void Apply(IEnumerable<EntityModification> modifications)
    {
        ArgumentNullException.ThrowIfNull(modifications);
        foreach (var m in modifications)
        {
            if (!_types.TryGetValue(m.EntityType, out var entities))
            {
                _types[m.EntityType] = entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
            }

            var exists = entities.ContainsKey(m.Id);
            switch (m.Kind)
            {
                case ModificationKind.Insert when !exists:
                case ModificationKind.Overwrite when exists:
                    entities[m.Id] = m.Entity!;
                    break;
                case ModificationKind.Remove when exists:
                    entities.Remove(m.Id);
                    break;
                default:
                    throw new InvalidOperationException(
                        $"{m.Kind} of {m.EntityType}[{m.Id}] at block #{m.Block}: the entity {(exists ? "already exists" : "does not exist")}");
            }

            ModificationCount++;
        }
    }

    /// <summary>All entities of a type, by id.</summary>
    public IReadOnlyDictionary<string, Entity> All(string entityType) =>
        _types.TryGetValue(entityType, out var entities) ? entities : Empty;

    /// <summary>Number of entities of a type.</summary>
    public int Count(string entityType) => _types.TryGetValue(entityType, out var entities) ? entities.Count : 0;

    private static bool References(Value? value, string id) => value switch
    {
        null => false,
        { Kind: ValueKind.Array } => value.AsArray().Any(v => References(v, id)),
        { Kind: ValueKind.String or ValueKind.Bytes or ValueKind.Int8 } => string.Equals(value.ToString(), id, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
