using System.Collections;

namespace DePin.Index.Subgraph.Values;

/// <summary>
/// An entity's data: field name → <see cref="Value"/>. Fields enumerate in insertion order
/// (the order a mapping set them; overwriting keeps the original position, removing and
/// re-adding moves a field to the end). Equality ignores order: two entities are equal when
/// they hold the same field names with equal values. Not thread-safe.
/// </summary>
public sealed class Entity : IEquatable<Entity>, IReadOnlyCollection<KeyValuePair<string, Value>>
{
    private readonly List<string> _order;
    private readonly Dictionary<string, Value> _fields;

    public Entity()
        : this(0)
    {
    }

    /// <summary>An empty entity with room for <paramref name="capacity"/> fields.</summary>
    public Entity(int capacity)
    {
        _order = new List<string>(capacity);
        _fields = new Dictionary<string, Value>(capacity, StringComparer.Ordinal);
    }

    /// <summary>Creates an entity from fields (later duplicates overwrite earlier ones).</summary>
    public Entity(IEnumerable<KeyValuePair<string, Value>> fields)
        : this(fields is ICollection<KeyValuePair<string, Value>> c ? c.Count : 0)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var (name, value) in fields)
        {
            Set(name, value);
        }
    }

    /// <summary>Number of fields.</summary>
    public int Count => _order.Count;

    /// <summary>Field names in insertion order.</summary>
    public IReadOnlyList<string> FieldNames => _order;

    /// <summary>The value of a field; <see cref="KeyNotFoundException"/> when absent.</summary>
    public Value this[string name]
    {
        get => _fields.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"entity has no field '{name}'");
        set => Set(name, value);
    }

    /// <summary>The value of a field, or null (the C# reference) when absent.</summary>
    public Value? Get(string name) => _fields.GetValueOrDefault(name);

    public bool TryGet(string name, out Value value) => _fields.TryGetValue(name, out value!);

    public bool Contains(string name) => _fields.ContainsKey(name);

    /// <summary>Sets (adds or overwrites) a field.</summary>
    public void Set(string name, Value value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (_fields.TryAdd(name, value))
        {
            _order.Add(name);
        }
        else
        {
            _fields[name] = value;
        }
    }

    /// <summary>Removes a field; false when it was absent.</summary>
    public bool Remove(string name)
    {
        if (!_fields.Remove(name))
        {
            return false;
        }

        _order.Remove(name);
        return true;
    }

    /// <summary>A copy that shares the (immutable) values.</summary>
    public Entity Clone() => new(this);

    public IEnumerator<KeyValuePair<string, Value>> GetEnumerator()
    {
        foreach (var name in _order)
        {
            yield return new KeyValuePair<string, Value>(name, _fields[name]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(Entity? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Count != Count)
        {
            return false;
        }

        foreach (var (name, value) in _fields)
        {
            if (!other._fields.TryGetValue(name, out var theirs) || !value.Equals(theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as Entity);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (name, value) in _fields)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(name), value);
        }

        return hash;
    }

    /// <summary><c>{name: value, …}</c> in field order.</summary>
    public override string ToString() =>
        "{" + string.Join(", ", this.Select(f => $"{f.Key}: {f.Value}")) + "}";
}
