using GraphQL;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>A query the engine refuses or could not run; its message goes to the client as a GraphQL error.</summary>
internal sealed class QueryException : ExecutionError
{
    public QueryException(string message)
        : base(message)
    {
    }

    public QueryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
