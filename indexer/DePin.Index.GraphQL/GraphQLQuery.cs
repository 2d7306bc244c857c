using System.Text.Json;

namespace DePin.Index.GraphQL;

/// <summary>A GraphQL request: the document, its variables (a JSON object, or null) and the operation to run.</summary>
public sealed record GraphQLQuery(string Query, JsonElement? Variables = null, string? OperationName = null);
