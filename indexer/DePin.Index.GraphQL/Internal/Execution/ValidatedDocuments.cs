using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// Parsed documents that passed validation, per deployment schema and query text (bounded: cleared when full, so a
/// stream of distinct queries costs memory only up to the bound).
/// </summary>
internal sealed class ValidatedDocuments(int capacity)
{
    private readonly ConcurrentDictionary<(ServedDeployment, string), GraphQLDocument> _documents = new();

    public GraphQLDocument? Get(ServedDeployment deployment, string query) =>
        capacity > 0 && _documents.TryGetValue((deployment, query), out var d) ? d : null;

    public void Add(ServedDeployment deployment, string query, GraphQLDocument document)
    {
        if (capacity <= 0)
        {
            return;
        }

        if (_documents.Count >= capacity)
        {
            _documents.Clear();
        }

        _documents.TryAdd((deployment, query), document);
    }
}
