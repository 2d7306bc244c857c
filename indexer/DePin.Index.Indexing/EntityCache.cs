using DePin.Index.Indexing.Internal;
using DePin.Index.Runtime;
using DePin.Index.Store;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing;

/// <summary>
/// The entity store handlers see while a block is processed (graph-node's <c>EntityCache</c>): reads go to the
/// block's own writes first, then to an <see cref="IEntitySource"/>; writes are collected and handed out once per
/// block by <see cref="EndBlock"/> as <see cref="EntityModification"/>s (Insert / Overwrite / Remove, one per
/// entity, in first-write order), to be written in one store transaction. graph-node's rules: a <c>store.set</c>
/// merges onto the stored entity and null fields are removed; a set without a prior read is merged when the
/// block ends (one <see cref="IEntitySource.GetMany"/> per entity type) rather than read at once; an unchanged
/// entity yields no modification, nor does removing an absent one; an immutable entity cannot change after the
/// block that created it (unless its type has <c>skipDuplicates</c>, which keeps the first version).
/// <see cref="Discard"/> drops a failed block's writes. Not thread-safe.
/// </summary>
public sealed class EntityCache : IEntityStore
{
    private readonly IEntitySource _source;
    private readonly SubgraphSchema? _schema;
    private readonly Dictionary<CacheKey, CacheSlot> _slots = [];
    private readonly List<CacheSlot> _written = [];
    private readonly List<CacheSlot> _pool = [];
    private int _poolUsed;
    private long _block = -1;

    /// <param name="source">The store as of the previous block.</param>
    /// <param name="schema">The schema (immutable types, <c>@derivedFrom</c> fields); null treats every type as mutable and refuses <c>loadRelated</c>.</param>
    public EntityCache(IEntitySource source, SubgraphSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _schema = schema;
    }

    /// <summary>The block being processed; -1 between blocks.</summary>
    public long Block => _block;

    /// <summary>The running handler, recorded with each write so that a conflict found at the end of the block names it.</summary>
    public string? Writer { get; set; }

    /// <summary>Entities written so far in this block.</summary>
    public int WrittenCount => _written.Count;

    /// <summary>Starts block <paramref name="number"/>; the previous block must be ended or discarded.</summary>
    public void BeginBlock(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        if (_block >= 0)
        {
            throw new InvalidOperationException($"block #{_block} is still open: call EndBlock or Discard first");
        }

        _block = number;
    }

    /// <summary>The block's changes; the cache is then empty. The caller must apply them to the source before the next block reads it.</summary>
    /// <exception cref="EntityConflictException">when an immutable entity was changed (the block must be discarded).</exception>
    public IReadOnlyList<EntityModification> EndBlock()
    {
        var block = checked((int)OpenBlock());
        LoadMissingBases();
        var modifications = new List<EntityModification>(_written.Count);
        foreach (var slot in _written)
        {
            Resolve(slot.Key, slot);
            if (Classify(slot.Key, slot, block) is { } modification)
            {
                modifications.Add(modification);
            }
        }

        Discard();
        return modifications;
    }

    /// <summary>Forgets the open block's reads and writes (a failed block).</summary>
    public void Discard()
    {
        _slots.Clear();
        _written.Clear();
        for (var i = 0; i < _poolUsed; i++)
        {
            _pool[i].Clear();
        }

        _poolUsed = 0;
        _block = -1;
        Writer = null;
    }

    public Entity? Get(string entityType, string id)
    {
        OpenBlock();
        var key = new CacheKey(entityType, id);
        if (_slots.TryGetValue(key, out var slot))
        {
            Resolve(key, slot);
            return slot.Current;
        }

        var stored = _source.Get(entityType, id);
        slot = NewSlot(key);
        slot.Base = stored;
        slot.BaseLoaded = true;
        slot.Current = stored;
        slot.Resolved = true;
        return stored;
    }

    public Entity? GetInBlock(string entityType, string id)
    {
        OpenBlock();
        var key = new CacheKey(entityType, id);
        if (!_slots.TryGetValue(key, out var slot) || !slot.Written)
        {
            return null;
        }

        Resolve(key, slot);
        return slot.Current;
    }

    public IReadOnlyList<Entity> LoadRelated(string entityType, string id, string field)
    {
        OpenBlock();
        var derived = _schema?.GetDerivedFrom(entityType, field)
            ?? throw new ArgumentException($"`{entityType}.{field}` is not a @derivedFrom field{(_schema is null ? " (the cache has no schema)" : "")}");
        var stored = _source.LoadRelated(entityType, id, field);
        var changed = _written.Where(s => s.Key.Type == derived.EntityType).ToList();
        if (changed.Count == 0)
        {
            return stored;
        }

        var changedIds = changed.Select(s => s.Key.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = stored.Where(e => e.Get("id") is not { } own || !changedIds.Contains(own.ToString())).ToList();
        foreach (var slot in changed)
        {
            Resolve(slot.Key, slot);
            if (slot.Current is { } entity && References(entity.Get(derived.Field), id))
            {
                result.Add(entity);
            }
        }

        return result;
    }

    public void Set(string entityType, string id, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        OpenBlock();
        var key = new CacheKey(entityType, id);
        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = NewSlot(key);
            slot.Current = entity; // an update of unknown base: merged when read or at the end of the block
        }
        else if (!slot.Resolved)
        {
            slot.Current = EntityMerge.Apply(slot.Current!, entity, currentOwned: true, keepNulls: true);
        }
        else
        {
            slot.Current = slot.Current is null
                ? EntityMerge.RemoveNulls(entity)
                : EntityMerge.Apply(slot.Current, entity, currentOwned: !ReferenceEquals(slot.Current, slot.Base));
        }

        MarkWritten(slot);
    }

    public void Remove(string entityType, string id)
    {
        OpenBlock();
        var key = new CacheKey(entityType, id);
        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = NewSlot(key);
        }

        slot.Current = null;
        slot.Resolved = true;
        MarkWritten(slot);
    }

    private long OpenBlock() => _block >= 0 ? _block : throw new InvalidOperationException("no block is open: call BeginBlock first");

    private CacheSlot NewSlot(CacheKey key)
    {
        CacheSlot slot;
        if (_poolUsed < _pool.Count)
        {
            slot = _pool[_poolUsed];
        }
        else
        {
            slot = new CacheSlot();
            _pool.Add(slot);
        }

        _poolUsed++;
        slot.Key = key;
        _slots.Add(key, slot);
        return slot;
    }

    private void MarkWritten(CacheSlot slot)
    {
        if (!slot.Written)
        {
            slot.Written = true;
            _written.Add(slot);
        }

        slot.Writer = Writer;
    }

    /// <summary>Merges a pending update onto the stored version, reading it when needed.</summary>
    private void Resolve(CacheKey key, CacheSlot slot)
    {
        if (slot.Resolved)
        {
            return;
        }

        if (!slot.BaseLoaded)
        {
            slot.Base = _source.Get(key.Type, key.Id);
            slot.BaseLoaded = true;
        }

        slot.Current = slot.Base is null
            ? EntityMerge.RemoveNulls(slot.Current!)
            : EntityMerge.Apply(slot.Base, slot.Current!, currentOwned: false);
        slot.Resolved = true;
    }

    /// <summary>One source query per entity type for the written entities whose stored version was never read (needed to classify them).</summary>
    private void LoadMissingBases()
    {
        Dictionary<string, List<string>>? missing = null;
        foreach (var slot in _written)
        {
            if (!slot.BaseLoaded)
            {
                missing ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
                if (!missing.TryGetValue(slot.Key.Type, out var ids))
                {
                    missing[slot.Key.Type] = ids = [];
                }

                ids.Add(slot.Key.Id);
            }
        }

        if (missing is null)
        {
            return;
        }

        foreach (var (type, ids) in missing)
        {
            var found = _source.GetMany(type, ids);
            foreach (var id in ids)
            {
                var slot = _slots[new CacheKey(type, id)];
                slot.Base = found.GetValueOrDefault(id);
                slot.BaseLoaded = true;
            }
        }
    }

    private EntityModification? Classify(CacheKey key, CacheSlot slot, int block)
    {
        var before = slot.Base;
        var after = slot.Current;
        if (after is null)
        {
            if (before is null)
            {
                return null;
            }

            CheckMutable(key, slot, "removed");
            return EntityModification.Remove(key.Type, key.Id, block);
        }

        if (before is null)
        {
            return EntityModification.Insert(key.Type, key.Id, after, block);
        }

        if (after.Equals(before))
        {
            return null;
        }

        if (IsImmutable(key.Type, out var skipDuplicates))
        {
            if (skipDuplicates)
            {
                return null;
            }

            CheckMutable(key, slot, "updated");
        }

        return EntityModification.Overwrite(key.Type, key.Id, after, block);
    }

    private void CheckMutable(CacheKey key, CacheSlot slot, string change)
    {
        if (IsImmutable(key.Type, out _))
        {
            throw new EntityConflictException(
                $"entity {key} is immutable (@entity(immutable: true)) and cannot be {change} after the block that created it" +
                (slot.Writer is null ? "" : $" (by handler '{slot.Writer}')"),
                slot.Writer);
        }
    }

    private bool IsImmutable(string type, out bool skipDuplicates)
    {
        if (_schema is not null && _schema.TryGetEntityType(type, out var entityType) && entityType.Immutable)
        {
            skipDuplicates = entityType.SkipDuplicates;
            return true;
        }

        skipDuplicates = false;
        return false;
    }

    private static bool References(Value? value, string id) => value switch
    {
        null => false,
        { Kind: ValueKind.Array } => value.AsArray().Any(v => References(v, id)),
        { Kind: ValueKind.String or ValueKind.Bytes or ValueKind.Int8 } => string.Equals(value.ToString(), id, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
