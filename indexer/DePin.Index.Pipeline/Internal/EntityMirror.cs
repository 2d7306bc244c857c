using DePin.Index.Indexing;
using DePin.Index.Store;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Pipeline.Internal;

/// <summary>
/// The <see cref="IEntitySource"/> a runner's mappings read: the deployment's state as of the last block mapped, which is the
/// store's committed state plus the changes of blocks mapped but not yet committed (the writer runs behind the mapper).
/// Every change of a mapped block is applied here at once (<see cref="Apply"/>), so an entity this mirror knows is known in
/// its latest state; an entity it does not know has no uncommitted change, so the store's latest committed version is its
/// latest state. Per type, the mirror is either <b>complete</b> (every live entity of the type is held: a miss means "does
/// not exist" and never reaches the database) or partial (a miss is read from the store, one round trip per missed id, or
/// one per type for a block's batched lookups, and remembered, absence included). <see cref="PreloadAsync"/> loads a
/// deployment that fits <c>capacity</c> entirely; a partial type that keeps missing is loaded whole when it fits (one bulk
/// read); when the mirror outgrows the capacity, <see cref="Evict"/> drops the biggest types (but never an entity with
/// uncommitted changes) and they become partial. Used by the mapping thread only.
/// </summary>
internal sealed class EntityMirror : IEntitySource
{
    private const int LoadChunk = 10_000;

    /// <summary>Misses of a partial type after which the whole type is loaded, when it fits (see <see cref="Promote"/>).</summary>
    private const int PromoteAfterMisses = 64;

    private readonly DeploymentStore _store;
    private readonly Npgsql.NpgsqlDataSource _sql;
    private readonly SubgraphSchema _schema;
    private readonly int _capacity;
    private readonly Dictionary<string, TypeMirror> _types = new(StringComparer.Ordinal);
    private long _count;

    public EntityMirror(DeploymentStore store, Npgsql.NpgsqlDataSource sql, int capacity)
    {
        _store = store;
        _sql = sql;
        _schema = store.Layout.Schema;
        _capacity = capacity;
    }

    /// <summary>Entries held (entities and remembered absences).</summary>
    public long Count => _count;

    /// <summary>Round trips to the store made for cache misses.</summary>
    public long StoreReads { get; private set; }

    /// <summary>True when every type is complete (no read can reach the store).</summary>
    public bool IsComplete => _store.Layout.Tables.All(t => Type(t.EntityName).Complete);

    /// <summary>
    /// Loads every live entity when the deployment holds at most <c>capacity</c> of them (<paramref name="entityCount"/>, the
    /// store's count): their ids with one query per table, the entities with the store's batched reads. Types loaded are complete.
    /// </summary>
    public async Task PreloadAsync(long entityCount, CancellationToken cancellationToken)
    {
        Reset();
        if (entityCount > _capacity)
        {
            return;
        }

        foreach (var table in _store.Layout.Tables)
        {
            await LoadTypeAsync(table, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Loads every live entity of a table that this mirror does not know yet (what it knows is newer: it may hold changes the
    /// store has not committed) and marks the type complete.
    /// </summary>
    private async Task LoadTypeAsync(Store.Layout.Table table, CancellationToken cancellationToken)
    {
        var t = Type(table.EntityName);
        var ids = await MirrorPreload.LiveIdsAsync(_sql, table, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Where(id => !t.Entities.ContainsKey(id)).Chunk(LoadChunk))
        {
            var found = await _store.GetManyAsync(table.EntityName, chunk, null, cancellationToken).ConfigureAwait(false);
            foreach (var (id, entity) in found)
            {
                Put(t, id, entity);
            }
        }

        t.Complete = true;
    }

    /// <summary>
    /// A partial type that keeps missing (after a revert, or after a restart of a deployment bigger than the cache) is loaded
    /// whole once it has missed <see cref="PromoteAfterMisses"/> times, if its live entities fit in the cache beside the rest:
    /// one bulk read instead of a round trip per miss from then on. Tried once per type until the next reset.
    /// </summary>
    private void Promote(string entityType, TypeMirror t, int misses)
    {
        t.Misses += misses;
        if (t.Complete || t.PromotionTried || t.Misses < PromoteAfterMisses || !_store.Layout.TryGetTable(entityType, out var table))
        {
            return;
        }

        t.PromotionTried = true;
        var live = MirrorPreload.CountLiveAsync(_sql, table, CancellationToken.None).GetAwaiter().GetResult();
        if (_count + live <= _capacity)
        {
            StoreReads++;
            LoadTypeAsync(table, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <summary>Forgets everything (after a revert, or before a reload): every type becomes partial.</summary>
    public void Reset()
    {
        _types.Clear();
        _count = 0;
    }

    /// <summary>A mapped block's changes, in order.</summary>
    public void Apply(IReadOnlyList<EntityModification> modifications)
    {
        foreach (var m in modifications)
        {
            // A removal stays as a known absence, also in a complete type (LoadRelated relies on it).
            Put(Type(m.EntityType), m.Id, m.Kind == ModificationKind.Remove ? null : m.Entity);
        }
    }

    /// <summary>
    /// When more than <c>capacity</c> entries are held: drops whole types, biggest first, down to three quarters of it, except the
    /// entities in <paramref name="uncommitted"/> (changed in blocks not yet committed: the store does not have their latest state).
    /// </summary>
    public void Evict(IEnumerable<EntityModification> uncommitted)
    {
        if (_count <= _capacity)
        {
            return;
        }

        var pinned = uncommitted.Select(m => (m.EntityType, m.Id)).ToHashSet();
        var target = _capacity * 3L / 4;
        foreach (var (name, t) in _types.OrderByDescending(p => p.Value.Entities.Count).ToList())
        {
            if (_count <= target)
            {
                break;
            }

            var kept = new Dictionary<string, Entity?>(StringComparer.Ordinal);
            foreach (var (id, entity) in t.Entities)
            {
                if (pinned.Contains((name, id)))
                {
                    kept[id] = entity;
                }
            }

            _count -= t.Entities.Count - kept.Count;
            t.Entities = kept;
            t.Complete = false;
            t.PromotionTried = true; // it did not fit: do not load it whole again
        }
    }

    public Entity? Get(string entityType, string id)
    {
        var t = Type(entityType);
        if (t.Entities.TryGetValue(id, out var known))
        {
            return known;
        }

        if (t.Complete)
        {
            return null;
        }

        StoreReads++;
        var found = _store.GetAsync(entityType, id).GetAwaiter().GetResult();
        Put(t, id, found);
        Promote(entityType, t, 1);
        return found;
    }

    public IReadOnlyDictionary<string, Entity> GetMany(string entityType, IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var t = Type(entityType);
        var result = new Dictionary<string, Entity>(ids.Count, StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var id in ids)
        {
            if (t.Entities.TryGetValue(id, out var known))
            {
                if (known is not null)
                {
                    result[id] = known;
                }
            }
            else if (!t.Complete)
            {
                (missing ??= []).Add(id);
            }
        }

        if (missing is not null)
        {
            StoreReads++;
            var found = _store.GetManyAsync(entityType, missing).GetAwaiter().GetResult();
            foreach (var id in missing)
            {
                var entity = found.GetValueOrDefault(id);
                Put(t, id, entity);
                if (entity is not null)
                {
                    result[id] = entity;
                }
            }

            Promote(entityType, t, missing.Count);
        }

        return result;
    }

    public IReadOnlyList<Entity> LoadRelated(string entityType, string id, string field)
    {
        var (target, back) = _schema.GetDerivedFrom(entityType, field)
            ?? throw new ArgumentException($"`{entityType}.{field}` is not a @derivedFrom field");
        var types = (_schema.TryGetInterface(target, out var iface) ? iface.Implementers : [target]).Select(Type).ToList();
        var result = new List<Entity>();
        if (types.Any(t => !t.Complete))
        {
            // The store's versions, except those of entities known here (known in their latest state, removals included).
            // Ids are unique across the implementers of an interface (as graph-node requires), so a stored entity no type
            // here knows belongs to a partial type and is current.
            StoreReads++;
            var stored = _store.LoadRelatedAsync(entityType, id, field).GetAwaiter().GetResult();
            result.AddRange(stored.Where(e => !types.Any(t => t.Entities.ContainsKey(e["id"].ToString()))));
        }

        foreach (var t in types)
        {
            foreach (var entity in t.Entities.Values)
            {
                if (entity is not null && References(entity.Get(back), id))
                {
                    result.Add(entity);
                }
            }
        }

        // One order whether the entities came from memory or from the store: ids, ordinally.
        result.Sort((a, b) => string.CompareOrdinal(a["id"].ToString(), b["id"].ToString()));
        return result;
    }

    private TypeMirror Type(string entityType)
    {
        if (!_types.TryGetValue(entityType, out var t))
        {
            _types[entityType] = t = new TypeMirror();
        }

        return t;
    }

    private void Put(TypeMirror t, string id, Entity? entity)
    {
        if (!t.Entities.ContainsKey(id))
        {
            _count++;
        }

        t.Entities[id] = entity;
    }

    private static bool References(Value? value, string id) => value switch
    {
        null => false,
        { Kind: ValueKind.Array } => value.AsArray().Any(v => References(v, id)),
        { Kind: ValueKind.String or ValueKind.Bytes or ValueKind.Int8 } => string.Equals(value.ToString(), id, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private sealed class TypeMirror
    {
        public Dictionary<string, Entity?> Entities { get; set; } = new(StringComparer.Ordinal);

        public bool Complete { get; set; }

        public int Misses { get; set; }

        public bool PromotionTried { get; set; }
    }
}
