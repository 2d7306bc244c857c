namespace DePin.Index.Subgraph.Manifest;

/// <summary>An ABI the mapping uses: <c>{ name, file }</c>.</summary>
public sealed record MappingAbi(string Name, FileLink File, ManifestLocation Location);
