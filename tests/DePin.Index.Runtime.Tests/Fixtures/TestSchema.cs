using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Tests.Fixtures;

/// <summary>
/// A hand-written <see cref="IMappingSchema"/> for the test modules: declared fields per type,
/// optional "open" types accepting any field, and <c>@derivedFrom</c> fields.
/// </summary>
internal sealed class TestSchema : IMappingSchema
{
    private readonly Dictionary<string, HashSet<string>?> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ValueKind> _idKinds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), (string, string)> _derived = [];
    private readonly Dictionary<string, Func<Entity, string?>> _validators = new(StringComparer.Ordinal);

    public TestSchema Type(string name, ValueKind idKind, params string[] fields)
    {
        _fields[name] = new HashSet<string>(fields.Append("id"), StringComparer.Ordinal);
        _idKinds[name] = idKind;
        return this;
    }

    public TestSchema OpenType(string name)
    {
        _fields[name] = null;
        _idKinds[name] = ValueKind.String;
        return this;
    }

    public TestSchema Derived(string type, string field, string relatedType, string relatedField)
    {
        _fields[type]?.Add(field);
        _derived[(type, field)] = (relatedType, relatedField);
        return this;
    }

    public TestSchema Validator(string type, Func<Entity, string?> validate)
    {
        _validators[type] = validate;
        return this;
    }

    public bool HasEntityType(string entityType) => _fields.ContainsKey(entityType);

    public bool HasField(string entityType, string field) =>
        _fields.TryGetValue(entityType, out var fields) && (fields is null || fields.Contains(field));

    public ValueKind GetIdKind(string entityType) => _idKinds.GetValueOrDefault(entityType, ValueKind.String);

    public (string EntityType, string Field)? GetDerivedFrom(string entityType, string field) =>
        _derived.TryGetValue((entityType, field), out var d) ? d : null;

    public string? Validate(string entityType, Entity entity) =>
        _validators.TryGetValue(entityType, out var validate) ? validate(entity) : null;
}
