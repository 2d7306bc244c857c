using System.Globalization;

namespace DePin.Index.GraphQL;

/// <summary>Query limits and tuning; each overridable by a <c>DEPIN_GRAPHQL_*</c> environment variable (<see cref="FromEnvironment"/>).</summary>
public sealed record GraphQLOptions
{
    /// <summary>Largest <c>first</c>; default 1000 (graph-node's GRAPH_GRAPHQL_MAX_FIRST); <c>DEPIN_GRAPHQL_MAX_FIRST</c>.</summary>
    public int MaxFirst { get; init; } = 1000;

    /// <summary>Largest <c>skip</c>; default 100,000 (graph-node: unlimited; deep skips are slow scans); <c>DEPIN_GRAPHQL_MAX_SKIP</c>.</summary>
    public int MaxSkip { get; init; } = 100_000;

    /// <summary>Deepest selection nesting; default 32 (graph-node: 255); <c>DEPIN_GRAPHQL_MAX_DEPTH</c>.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>
    /// Largest estimated cost: the number of entities the query may return, each list counted as its <c>first</c>
    /// times its parents; default 1,000,000; <c>DEPIN_GRAPHQL_MAX_COST</c>.
    /// </summary>
    public long MaxCost { get; init; } = 1_000_000;

    /// <summary>Largest document, in characters; default 262,144 (256 KiB); <c>DEPIN_GRAPHQL_MAX_DOCUMENT_SIZE</c>.</summary>
    public int MaxDocumentSize { get; init; } = 256 * 1024;

    /// <summary>PostgreSQL statement timeout per SQL statement, milliseconds; default 10,000; <c>DEPIN_GRAPHQL_STATEMENT_TIMEOUT_MS</c>.</summary>
    public int StatementTimeoutMilliseconds { get; init; } = 10_000;

    /// <summary>How long a read head block is reused when no block notice arrives, milliseconds; default 100; <c>DEPIN_GRAPHQL_HEAD_REFRESH_MS</c>.</summary>
    public int HeadRefreshMilliseconds { get; init; } = 100;

    /// <summary>Validated documents kept for reuse (parse and validation skipped); default 1,000; 0 disables; <c>DEPIN_GRAPHQL_DOCUMENT_CACHE</c>.</summary>
    public int DocumentCacheSize { get; init; } = 1000;

    /// <summary>
    /// Answer validated documents that select only entity fields without GraphQL.NET's executor (same answers, less CPU);
    /// default true; <c>DEPIN_GRAPHQL_FAST_PATH</c> (0 disables).
    /// </summary>
    public bool FastPath { get; init; } = true;

    public static GraphQLOptions Default { get; } = new();

    /// <summary>Defaults overridden by the <c>DEPIN_GRAPHQL_*</c> variables that are set; a malformed value throws naming it.</summary>
    public static GraphQLOptions FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var d = new GraphQLOptions();
        return new GraphQLOptions
        {
            MaxFirst = (int)Read(read, "DEPIN_GRAPHQL_MAX_FIRST", d.MaxFirst, 1, int.MaxValue),
            MaxSkip = (int)Read(read, "DEPIN_GRAPHQL_MAX_SKIP", d.MaxSkip, 0, int.MaxValue),
            MaxDepth = (int)Read(read, "DEPIN_GRAPHQL_MAX_DEPTH", d.MaxDepth, 1, 1000),
            MaxCost = Read(read, "DEPIN_GRAPHQL_MAX_COST", d.MaxCost, 1, long.MaxValue),
            MaxDocumentSize = (int)Read(read, "DEPIN_GRAPHQL_MAX_DOCUMENT_SIZE", d.MaxDocumentSize, 16, int.MaxValue),
            StatementTimeoutMilliseconds = (int)Read(read, "DEPIN_GRAPHQL_STATEMENT_TIMEOUT_MS", d.StatementTimeoutMilliseconds, 1, int.MaxValue),
            HeadRefreshMilliseconds = (int)Read(read, "DEPIN_GRAPHQL_HEAD_REFRESH_MS", d.HeadRefreshMilliseconds, 0, int.MaxValue),
            DocumentCacheSize = (int)Read(read, "DEPIN_GRAPHQL_DOCUMENT_CACHE", d.DocumentCacheSize, 0, 1_000_000),
            FastPath = Read(read, "DEPIN_GRAPHQL_FAST_PATH", 1, 0, 1) == 1,
        };
    }

    private static long Read(Func<string, string?> read, string name, long fallback, long min, long max)
    {
        var text = read(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            throw new ArgumentException($"{name}={text}: expected an integer from {min} to {max}");
        }

        return v;
    }
}
