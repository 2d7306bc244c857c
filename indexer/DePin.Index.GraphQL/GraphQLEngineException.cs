namespace DePin.Index.GraphQL;

/// <summary>A deployment that cannot be served (unknown, or a schema the API cannot be generated from).</summary>
public sealed class GraphQLEngineException : Exception
{
    public GraphQLEngineException(string message)
        : base(message)
    {
    }

    public GraphQLEngineException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
