using DePin.Index.Live.Internal;

namespace DePin.Index.Live;

/// <summary>
/// A GraphQL document parsed and printed again (whitespace, comments and commas no longer matter), with what the live layer needs
/// to know about the operation it runs. Made by <see cref="Parse"/>.
/// </summary>
public sealed record NormalizedQuery
{
    /// <summary>The printed document (its selected operation turned into a <c>query</c> when it was a <c>subscription</c>).</summary>
    public required string Text { get; init; }

    /// <summary>The operation type as written: <c>query</c>, <c>mutation</c> or <c>subscription</c>.</summary>
    public required string OperationType { get; init; }

    /// <summary>True when some field has a <c>block</c> argument (time travel, <c>number_gte</c>).</summary>
    public bool HasBlockArgument { get; init; }

    /// <summary>True when the document reads <c>_meta</c> (changes with every block, whatever entity types changed).</summary>
    public bool ReadsMeta { get; init; }

    /// <summary>
    /// Parses <paramref name="query"/> and selects the operation (<paramref name="operationName"/>, or the only one).
    /// </summary>
    /// <exception cref="LiveQueryException">with a GraphQL-style message for a syntax error, a document deeper or longer than the
    /// limits, or an operation that cannot be selected.</exception>
    public static NormalizedQuery Parse(string query, string? operationName = null, int maxLength = 256 * 1024) =>
        QueryNormalizer.Normalize(query, operationName, maxLength);
}
