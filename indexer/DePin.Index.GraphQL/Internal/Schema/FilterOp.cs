namespace DePin.Index.GraphQL.Internal.Schema;

/// <summary>A filter suffix of <c>T_filter</c> (graph-node's <c>field_filter_ops</c>).</summary>
internal enum FilterOp
{
    Eq,
    Not,
    Gt,
    Lt,
    Gte,
    Lte,
    In,
    NotIn,
    Contains,
    ContainsNocase,
    NotContains,
    NotContainsNocase,
    StartsWith,
    StartsWithNocase,
    NotStartsWith,
    NotStartsWithNocase,
    EndsWith,
    EndsWithNocase,
    NotEndsWith,
    NotEndsWithNocase,
}
