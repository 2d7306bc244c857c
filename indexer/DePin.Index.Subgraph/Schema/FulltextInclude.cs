namespace DePin.Index.Subgraph.Schema;

/// <summary>One entity type of a <c>@fulltext</c> index and its String fields that feed the index.</summary>
public sealed record FulltextInclude(string Entity, IReadOnlyList<string> Fields);
