using DePin.Index.Runtime.Asc;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Hosting;

/// <summary>
/// The writes of the running handler, layered over the block-level <see cref="IEntityStore"/>
/// (graph-node's <c>enter_handler</c>/<c>exit_handler</c>): reads see them first, and they
/// reach the store only through <see cref="Commit"/> — a failed handler leaves no trace.
/// </summary>
internal sealed class HandlerEntityCache
{
    private readonly Dictionary<EntityKey, Entity?> _changes = [];
    private readonly List<EntityKey> _order = [];
    private IEntityStore? _store;
    private IMappingSchema? _schema;

    public void Begin(IEntityStore store, IMappingSchema? schema)
    {
        _store = store;
        _schema = schema;
        _changes.Clear();
        _order.Clear();
    }

    private IEntityStore Store => _store ?? throw new InvalidOperationException("no handler is running");

    public Entity? Get(string type, string id) =>
        _changes.TryGetValue(new EntityKey(type, id), out var e) ? e : Guard(static (s, t, i) => s.Get(t, i), Store, type, id);

    public Entity? GetInBlock(string type, string id) =>
        _changes.TryGetValue(new EntityKey(type, id), out var e) ? e : Guard(static (s, t, i) => s.GetInBlock(t, i), Store, type, id);

    public void Set(string type, string id, Entity entity) => Record(new EntityKey(type, id), entity);

    public void Remove(string type, string id) => Record(new EntityKey(type, id), null);

    public IReadOnlyList<Entity> LoadRelated(string type, string id, string field)
    {
        var stored = Guard(static (s, t, i) => s.LoadRelated(t, i.Id, i.Field), Store, type, (Id: id, Field: field));
        if (_changes.Count == 0 || _schema?.GetDerivedFrom(type, field) is not { } derived)
        {
            return stored;
        }

        var result = new List<Entity>();
        foreach (var entity in stored)
        {
            var relatedId = entity.Get("id")?.ToString();
            if (relatedId is null || !_changes.ContainsKey(new EntityKey(derived.EntityType, relatedId)))
            {
                result.Add(entity);
            }
        }

        foreach (var key in _order)
        {
            if (key.Type == derived.EntityType && _changes[key] is { } changed && References(changed.Get(derived.Field), id))
            {
                result.Add(changed);
            }
        }

        return result;
    }

    /// <summary>Applies the handler's final entity states to the store, in first-write order.</summary>
    public void Commit()
    {
        foreach (var key in _order)
        {
            Guard(
                static (store, key, entity) =>
                {
                    if (entity is not null)
                    {
                        store.Set(key.Type, key.Id, entity);
                    }
                    else
                    {
                        store.Remove(key.Type, key.Id);
                    }

                    return true;
                },
                Store,
                key,
                _changes[key]);
        }

        End();
    }

    public void End()
    {
        _changes.Clear();
        _order.Clear();
        _store = null;
        _schema = null;
    }

    private void Record(EntityKey key, Entity? entity)
    {
        if (!_changes.ContainsKey(key))
        {
            _order.Add(key);
        }

        _changes[key] = entity;
    }

    /// <summary>
    /// Store failures are environmental (retryable), except <see cref="ArgumentException"/>s,
    /// which report an invalid request (an unknown type or field) and are deterministic.
    /// </summary>
    private static T Guard<T, TArg1, TArg2>(Func<IEntityStore, TArg1, TArg2, T> call, IEntityStore store, TArg1 arg1, TArg2 arg2)
    {
        try
        {
            return call(store, arg1, arg2);
        }
        catch (ArgumentException e)
        {
            throw HostException.Fail(e.Message, e);
        }
        catch (Exception e) when (e is not HostException)
        {
            throw HostException.Transient($"entity store failed: {e.Message}", e);
        }
    }

    private static bool References(Value? value, string id) => value switch
    {
        null => false,
        { Kind: ValueKind.Array } => value.AsArray().Any(v => References(v, id)),
        { Kind: ValueKind.String or ValueKind.Bytes or ValueKind.Int8 } => string.Equals(value.ToString(), id, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private readonly record struct EntityKey(string Type, string Id);
}
