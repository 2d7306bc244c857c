namespace DePin.Index.Subgraph.Schema;

/// <summary>One problem found in a schema: where it is and what it is.</summary>
/// <param name="File">The schema file's name (or a placeholder when parsed from text).</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="TypeName">The type concerned, if any.</param>
/// <param name="FieldName">The field concerned, if any.</param>
/// <param name="Problem">The description without the location.</param>
public sealed record SchemaError(string File, int Line, int Column, string? TypeName, string? FieldName, string Problem)
{
    /// <summary><c>file:line:column: problem</c>.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Problem}" : $"{File}: {Problem}";
}
