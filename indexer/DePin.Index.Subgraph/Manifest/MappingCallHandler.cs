namespace DePin.Index.Subgraph.Manifest;

/// <summary>A <c>callHandlers</c> entry: calls of <see cref="Function"/> to the contract trigger <see cref="Handler"/> (needs traces).</summary>
public sealed record MappingCallHandler(string Function, string Handler, ManifestLocation Location);
