namespace DePin.Index.GraphQL;

/// <summary>
/// The answer to a request: the response JSON (<c>{"data":…}</c> and/or <c>{"errors":[…]}</c>, UTF-8), the block
/// the data was read at and the entity types the query read — what a result cache and subscriptions key on.
/// </summary>
public sealed class GraphQLResult
{
    public GraphQLResult(byte[] utf8Json, int? block, IReadOnlyCollection<string> entityTypes, bool hasErrors)
    {
        Utf8Json = utf8Json;
        Block = block;
        EntityTypes = entityTypes;
        HasErrors = hasErrors;
    }

    /// <summary>The response body, UTF-8 JSON.</summary>
    public byte[] Utf8Json { get; }

    /// <summary>The response body as a string.</summary>
    public string Json => System.Text.Encoding.UTF8.GetString(Utf8Json);

    /// <summary>
    /// The block number the data reflects (the head when no <c>block</c> argument was given); null when nothing
    /// was read (a request refused before execution, introspection only, or a deployment with no block yet).
    /// </summary>
    public int? Block { get; }

    /// <summary>Entity type names whose tables the query read (interfaces expanded to their implementers).</summary>
    public IReadOnlyCollection<string> EntityTypes { get; }

    /// <summary>True when the answer has an <c>errors</c> list (a cache should not keep it).</summary>
    public bool HasErrors { get; }
}
