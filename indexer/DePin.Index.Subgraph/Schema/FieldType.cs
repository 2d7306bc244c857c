namespace DePin.Index.Subgraph.Schema;

/// <summary>
/// A field's GraphQL type: a named type or a list, each possibly non-null. <see cref="ToString"/>
/// prints it as GraphQL does (<c>[Proof!]!</c>), which is also how validation messages name it.
/// </summary>
public sealed class FieldType : IEquatable<FieldType>
{
    private FieldType(string? name, FieldType? itemType, bool isNonNull)
    {
        Name = name;
        ItemType = itemType;
        IsNonNull = isNonNull;
    }

    /// <summary>The type's name, or null for a list.</summary>
    public string? Name { get; }

    /// <summary>The element type of a list, or null for a named type.</summary>
    public FieldType? ItemType { get; }

    public bool IsNonNull { get; }

    public bool IsList => ItemType is not null;

    /// <summary>The innermost named type (<c>Proof</c> for <c>[Proof!]!</c>).</summary>
    public string BaseName => Name ?? ItemType!.BaseName;

    /// <summary>Depth of list nesting: 0 for a named type, 1 for <c>[T]</c>, 2 for <c>[[T]]</c>.</summary>
    public int ListDepth => ItemType is null ? 0 : 1 + ItemType.ListDepth;

    public static FieldType Named(string name, bool nonNull = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new(name, null, nonNull);
    }

    public static FieldType ListOf(FieldType itemType, bool nonNull = false)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        return new(null, itemType, nonNull);
    }

    public bool Equals(FieldType? other) =>
        other is not null && other.IsNonNull == IsNonNull && other.Name == Name && Equals(other.ItemType, ItemType);

    public override bool Equals(object? obj) => Equals(obj as FieldType);

    public override int GetHashCode() => HashCode.Combine(Name, ItemType, IsNonNull);

    public override string ToString() => (ItemType is null ? Name : $"[{ItemType}]") + (IsNonNull ? "!" : "");
}
