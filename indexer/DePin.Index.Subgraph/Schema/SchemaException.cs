namespace DePin.Index.Subgraph.Schema;

/// <summary>
/// A <c>schema.graphql</c> that is not a valid subgraph schema. <see cref="Errors"/> lists every
/// problem found; the message is their <c>file:line:column: problem</c> lines.
/// </summary>
public sealed class SchemaException : Exception
{
    public SchemaException()
        : this([new SchemaError("schema.graphql", 0, 0, null, null, "invalid schema")])
    {
    }

    public SchemaException(string message)
        : this([new SchemaError("schema.graphql", 0, 0, null, null, message)])
    {
    }

    public SchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new SchemaError("schema.graphql", 0, 0, null, null, message)];
    }

    public SchemaException(IReadOnlyList<SchemaError> errors)
        : base(string.Join(Environment.NewLine, errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("a schema exception needs at least one error", nameof(errors));
        }

        Errors = errors;
    }

    /// <summary>Every problem found, in schema order.</summary>
    public IReadOnlyList<SchemaError> Errors { get; }
}
