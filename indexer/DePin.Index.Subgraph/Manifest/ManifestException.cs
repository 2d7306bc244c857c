namespace DePin.Index.Subgraph.Manifest;

/// <summary>
/// A subgraph manifest (or a file it names) that cannot be used. The message reads
/// <c>file:line:column: key.path: problem</c>, e.g.
/// <c>subgraph.yaml:18:19: dataSources[0].source.startBlock: must be a non-negative integer, not 'soon'</c>.
/// </summary>
public sealed class ManifestException : Exception
{
    public ManifestException()
    {
    }

    public ManifestException(string message)
        : base(message)
    {
    }

    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ManifestException(string file, int line, int column, string? keyPath, string problem, Exception? innerException = null)
        : base(Format(file, line, column, keyPath, problem), innerException)
    {
        File = file;
        Line = line;
        Column = column;
        KeyPath = keyPath;
        Problem = problem;
    }

    /// <summary>The manifest file (or the name it was parsed under).</summary>
    public string? File { get; }

    /// <summary>1-based line of the offending node; 0 when unknown.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>The path of the offending key, e.g. <c>dataSources[0].mapping.eventHandlers[1].event</c>.</summary>
    public string? KeyPath { get; }

    /// <summary>The description without file, location and path.</summary>
    public string? Problem { get; }

    private static string Format(string file, int line, int column, string? keyPath, string problem)
    {
        var where = line > 0 ? $"{file}:{line}:{column}" : file;
        return string.IsNullOrEmpty(keyPath) ? $"{where}: {problem}" : $"{where}: {keyPath}: {problem}";
    }
}
