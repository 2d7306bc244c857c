using DePin.Index.Subgraph.Schema;

namespace DePin.Index.GraphQL.Internal.Schema;

/// <summary>Which suffixes each kind of field gets, in graph-node's order, and the suffix text of each.</summary>
internal static class FilterOps
{
    public static readonly FilterOp[] Ordered = [FilterOp.Eq, FilterOp.Not, FilterOp.Gt, FilterOp.Lt, FilterOp.Gte, FilterOp.Lte, FilterOp.In, FilterOp.NotIn];

    public static readonly FilterOp[] Equality = [FilterOp.Eq, FilterOp.Not, FilterOp.In, FilterOp.NotIn];

    public static readonly FilterOp[] Bytes = [.. Ordered, FilterOp.Contains, FilterOp.NotContains];

    public static readonly FilterOp[] String =
    [
        .. Ordered, FilterOp.Contains, FilterOp.ContainsNocase, FilterOp.NotContains, FilterOp.NotContainsNocase,
        FilterOp.StartsWith, FilterOp.StartsWithNocase, FilterOp.NotStartsWith, FilterOp.NotStartsWithNocase,
        FilterOp.EndsWith, FilterOp.EndsWithNocase, FilterOp.NotEndsWith, FilterOp.NotEndsWithNocase,
    ];

    public static readonly FilterOp[] List = [FilterOp.Eq, FilterOp.Not, FilterOp.Contains, FilterOp.ContainsNocase, FilterOp.NotContains, FilterOp.NotContainsNocase];

    public static readonly FilterOp[] ListNoCase = [FilterOp.Eq, FilterOp.Not, FilterOp.Contains, FilterOp.NotContains];

    /// <summary>Suffixes longest first, for parsing filter keys.</summary>
    public static readonly (string Suffix, FilterOp Op)[] BySuffixLength = Enum.GetValues<FilterOp>()
        .Where(o => o != FilterOp.Eq).Select(o => (Suffix(o), o)).OrderByDescending(x => x.Item1.Length).ToArray();

    public static string Suffix(FilterOp op) => op switch
    {
        FilterOp.Eq => "",
        FilterOp.Not => "_not",
        FilterOp.Gt => "_gt",
        FilterOp.Lt => "_lt",
        FilterOp.Gte => "_gte",
        FilterOp.Lte => "_lte",
        FilterOp.In => "_in",
        FilterOp.NotIn => "_not_in",
        FilterOp.Contains => "_contains",
        FilterOp.ContainsNocase => "_contains_nocase",
        FilterOp.NotContains => "_not_contains",
        FilterOp.NotContainsNocase => "_not_contains_nocase",
        FilterOp.StartsWith => "_starts_with",
        FilterOp.StartsWithNocase => "_starts_with_nocase",
        FilterOp.NotStartsWith => "_not_starts_with",
        FilterOp.NotStartsWithNocase => "_not_starts_with_nocase",
        FilterOp.EndsWith => "_ends_with",
        FilterOp.EndsWithNocase => "_ends_with_nocase",
        FilterOp.NotEndsWith => "_not_ends_with",
        FilterOp.NotEndsWithNocase => "_not_ends_with_nocase",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>
    /// The suffixes of a stored field, by its kind (graph-node's <c>field_filter_ops</c>); empty for derived fields
    /// (they only get <c>field_</c>). References filter like their id as graph-node's <c>id_type_as_scalar</c> says:
    /// String and Bytes ids as <c>String</c>, Int8 ids as <c>Int</c>.
    /// </summary>
    public static FilterOp[] For(SchemaField field, IdType? referencedIdType)
    {
        if (field.IsDerived)
        {
            return [];
        }

        var scalar = ScalarOf(field, referencedIdType);
        if (field.IsList)
        {
            var nocase = field.BaseKind is FieldBaseKind.Entity or FieldBaseKind.Interface
                ? referencedIdType == IdType.String
                : scalar == ScalarType.String;
            return nocase ? List : ListNoCase;
        }

        return field.BaseKind == FieldBaseKind.Enum ? Equality : scalar switch
        {
            ScalarType.String => String,
            ScalarType.ID => Ordered,
            ScalarType.Bytes => Bytes,
            ScalarType.Boolean => Equality,
            ScalarType.Int or ScalarType.Int8 or ScalarType.BigInt or ScalarType.BigDecimal or ScalarType.Timestamp => Ordered,
            _ => [FilterOp.Eq, FilterOp.Not],
        };
    }

    /// <summary>The scalar type a field's filter values have: references take their target's id as a scalar; enums none.</summary>
    public static ScalarType? ScalarOf(SchemaField field, IdType? referencedIdType) => field.BaseKind switch
    {
        FieldBaseKind.Entity or FieldBaseKind.Interface => referencedIdType == IdType.Int8 ? ScalarType.Int : ScalarType.String,
        FieldBaseKind.Enum => null,
        _ => field.Scalar,
    };
}
