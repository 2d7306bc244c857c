using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime;

/// <summary>
/// An <see cref="IEntityStore"/> in memory, for tests, benchmarks and offline runs. Call
/// <see cref="BeginBlock"/> before each block so <see cref="GetInBlock"/> knows what changed in
/// it. <see cref="LoadRelated"/> needs the schema to resolve <c>@derivedFrom</c> fields. Not
/// thread-safe.
/// </summary>
public sealed class InMemoryEntityStore : IEntityStore
{
    private readonly Dictionary<string, Dictionary<string, Entity>> _types = new(StringComparer.Ordinal);
    private readonly HashSet<(string Type, string Id)> _changedInBlock = [];
    private readonly IMappingSchema? _schema;

    public InMemoryEntityStore(IMappingSchema? schema = null)
    {
        _schema = schema;
    }

    /// <summary>Number of <see cref="Set"/> and <see cref="Remove"/> calls so far.</summary>
    public long WriteCount { get; private set; }

    /// <summary>Starts a new block: nothing counts as changed in it yet.</summary>
    public void BeginBlock() => _changedInBlock.Clear();

    public Entity? Get(string entityType, string id) =>
        _types.TryGetValue(entityType, out var entities) && entities.TryGetValue(id, out var entity) ? entity : null;

    public Entity? GetInBlock(string entityType, string id) =>
        _changedInBlock.Contains((entityType, id)) ? Get(entityType, id) : null;

    public IReadOnlyList<Entity> LoadRelated(string entityType, string id, string field)
    {
        if (_schema?.GetDerivedFrom(entityType, field) is not { } derived)
        {
            throw new ArgumentException($"`{entityType}.{field}` is not a @derivedFrom field (or the store has no schema)");
        }

        if (!_types.TryGetValue(derived.EntityType, out var candidates))
        {
            return [];
        }

        return candidates.Values.Where(e => References(e.Get(derived.Field), id)).ToList();
    }

    public void Set(string entityType, string id, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!_types.TryGetValue(entityType, out var entities))
        {
            entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
            _types[entityType] = entities;
        }

        entities[id] = entity;
        _changedInBlock.Add((entityType, id));
        WriteCount++;
    }

    public void Remove(string entityType, string id)
    {
        if (_types.TryGetValue(entityType, out var entities))
        {
            entities.Remove(id);
        }

        _changedInBlock.Remove((entityType, id));
        WriteCount++;
    }

    /// <summary>All entities of a type, by id.</summary>
    public IReadOnlyDictionary<string, Entity> All(string entityType) =>
        _types.TryGetValue(entityType, out var entities) ? entities : new Dictionary<string, Entity>();

    private static bool References(Value? value, string id) => value switch
    {
        null => false,
        { Kind: ValueKind.Array } => value.AsArray().Any(v => References(v, id)),
        { Kind: ValueKind.String or ValueKind.Bytes or ValueKind.Int8 } => string.Equals(value.ToString(), id, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
