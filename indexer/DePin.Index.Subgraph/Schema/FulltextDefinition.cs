namespace DePin.Index.Subgraph.Schema;

/// <summary>
/// A <c>@fulltext(name, language, algorithm, include)</c> directive of the schema's <c>_Schema_</c>
/// type: a full-text search query field named <see cref="Name"/>.
/// </summary>
public sealed record FulltextDefinition(string Name, string Language, string Algorithm, IReadOnlyList<FulltextInclude> Includes)
{
    /// <summary>The languages graph-node accepts (PostgreSQL text search configurations).</summary>
    public static IReadOnlyList<string> Languages { get; } =
        ["simple", "da", "nl", "en", "fi", "fr", "de", "hu", "it", "no", "pt", "ro", "ru", "es", "sv", "tr"];

    /// <summary>The ranking algorithms: <c>rank</c> (ts_rank) and <c>proximityRank</c> (ts_rank_cd).</summary>
    public static IReadOnlyList<string> Algorithms { get; } = ["rank", "proximityRank"];
}
