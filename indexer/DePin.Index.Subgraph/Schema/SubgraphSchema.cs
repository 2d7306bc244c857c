using DePin.Index.Subgraph.Values;

namespace DePin.Index.Subgraph.Schema;

/// <summary>
/// A subgraph's <c>schema.graphql</c>: its <c>@entity</c> types, interfaces, enums and
/// <c>@fulltext</c> queries, checked as graph-node checks them when a subgraph is deployed.
/// Parse one with <see cref="Parse"/> or <see cref="Load"/>; an invalid schema throws a
/// <see cref="SchemaException"/> listing every problem with its line and column.
/// </summary>
public sealed class SubgraphSchema
{
    /// <summary>The special type that carries <c>@fulltext</c> directives.</summary>
    public const string SchemaTypeName = "_Schema_";

    private readonly Dictionary<string, EntityType> _entities;
    private readonly Dictionary<string, InterfaceType> _interfaces;
    private readonly Dictionary<string, EnumType> _enums;

    internal SubgraphSchema(IReadOnlyList<EntityType> entityTypes, IReadOnlyList<InterfaceType> interfaces, IReadOnlyList<EnumType> enums, string file)
    {
        EntityTypes = entityTypes;
        Interfaces = interfaces;
        Enums = enums;
        File = file;
        _entities = entityTypes.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _interfaces = interfaces.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _enums = enums.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Entity types in schema order.</summary>
    public IReadOnlyList<EntityType> EntityTypes { get; }

    public IReadOnlyList<InterfaceType> Interfaces { get; }

    public IReadOnlyList<EnumType> Enums { get; }

    /// <summary>The <c>@fulltext</c> queries declared on <c>_Schema_</c>.</summary>
    public IReadOnlyList<FulltextDefinition> Fulltexts { get; private set; } = [];

    /// <summary>The file the schema came from (used in messages).</summary>
    public string File { get; }

    /// <summary>Parses and checks a schema.</summary>
    /// <param name="sdl">The schema text.</param>
    /// <param name="file">Name used in error messages.</param>
    /// <param name="specVersion">The manifest's specVersion, for version-gated features (Int8 ids need 1.1.0); null skips those checks.</param>
    /// <exception cref="SchemaException">for a syntax error or an invalid schema.</exception>
    public static SubgraphSchema Parse(string sdl, string file = "schema.graphql", Version? specVersion = null)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        ArgumentNullException.ThrowIfNull(file);
        return SchemaBuilder.Build(sdl, file, specVersion);
    }

    /// <summary>Reads and parses a schema file.</summary>
    /// <exception cref="SchemaException">when the file is missing, unreadable or invalid.</exception>
    public static SubgraphSchema Load(string path, Version? specVersion = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SchemaException([new SchemaError(path, 0, 0, null, null, $"cannot read the schema: {e.Message}")]);
        }

        return Parse(text, path, specVersion);
    }

    public bool HasEntityType(string name) => _entities.ContainsKey(name);

    public bool TryGetEntityType(string name, out EntityType entityType) => _entities.TryGetValue(name, out entityType!);

    /// <summary>The entity type; <see cref="KeyNotFoundException"/> naming it when the schema has none.</summary>
    public EntityType GetEntityType(string name) =>
        _entities.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"the schema has no entity type `{name}`");

    public bool TryGetInterface(string name, out InterfaceType interfaceType) => _interfaces.TryGetValue(name, out interfaceType!);

    public InterfaceType GetInterface(string name) =>
        _interfaces.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"the schema has no interface `{name}`");

    public bool TryGetEnum(string name, out EnumType enumType) => _enums.TryGetValue(name, out enumType!);

    /// <summary>True when the entity type declares the field (including <c>id</c> and derived fields).</summary>
    public bool HasField(string entityType, string field) =>
        _entities.TryGetValue(entityType, out var t) && t.HasField(field);

    /// <summary>The value kind of the entity type's id: String, Bytes or Int8.</summary>
    public ValueKind GetIdKind(string entityType) => SchemaResolver.KindOf(GetEntityType(entityType).IdType);

    /// <summary>
    /// For a <c>@derivedFrom(field: "f")</c> field: the type it derives from (entity or interface)
    /// and that type's field <c>f</c>; null for a stored field or an unknown type or field.
    /// </summary>
    public (string EntityType, string Field)? GetDerivedFrom(string entityType, string field) =>
        _entities.TryGetValue(entityType, out var t) && t.TryGetField(field, out var f) && f.DerivedFrom is { } back
            ? (f.Type.BaseName, back)
            : null;

    internal void SetFulltexts(IReadOnlyList<FulltextDefinition> fulltexts) => Fulltexts = fulltexts;
}
