namespace DePin.Index.Subgraph.Manifest;

/// <summary>Where an element of the manifest is: its key path and 1-based line and column.</summary>
public sealed record ManifestLocation(string File, string Path, int Line, int Column)
{
    /// <summary>An error about this element.</summary>
    public ManifestException Error(string problem, Exception? inner = null) => new(File, Line, Column, Path, problem, inner);

    public override string ToString() => $"{File}:{Line}:{Column}: {Path}";
}
