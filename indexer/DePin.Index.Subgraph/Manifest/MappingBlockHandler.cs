namespace DePin.Index.Subgraph.Manifest;

/// <summary>A <c>blockHandlers</c> entry; without a filter it runs on every block.</summary>
public sealed record MappingBlockHandler(string Handler, BlockHandlerFilter? Filter, ManifestLocation Location);
