using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Npgsql;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// One request end to end: size limit, parse (bounded nesting), depth limit, variables, GraphQL.NET validation and
/// execution against the deployment's schema, and the JSON answer. Never throws for bad input.
/// </summary>
internal sealed class RequestRunner(DeploymentCatalog catalog, NpgsqlDataSource dataSource, GraphQLOptions options)
{
    private static readonly GraphQLSerializer Serializer = new(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    private readonly DocumentExecuter _executer = new();
    private readonly ValidatedDocuments _validated = new(options.DocumentCacheSize);
    private readonly FastPath _fast = new(catalog.Runner);

    public NpgsqlDataSource DataSource => dataSource;

    public long FastPathAnswers => _fast.Answered;

    public async Task<GraphQLResult> ExecuteAsync(string deploymentId, GraphQLQuery request, CancellationToken cancellationToken)
    {
        var query = request.Query;
        if (string.IsNullOrWhiteSpace(query))
        {
            return Error("The query is empty: send a GraphQL document in `query`");
        }

        if (query.Length > options.MaxDocumentSize)
        {
            return Error($"The query document has {query.Length} characters, more than the limit of {options.MaxDocumentSize}");
        }

        ServedDeployment d;
        try
        {
            d = await catalog.GetAsync(deploymentId, cancellationToken).ConfigureAwait(false);
        }
        catch (GraphQLEngineException e)
        {
            return Error(e.Message);
        }

        // A document that validated before against this deployment's schema is reused as parsed and not validated again
        // (the rules do not depend on variables; variables are still coerced and checked on every request).
        var document = _validated.Get(d, query);
        var cached = document is not null;
        if (document is null)
        {
            try
            {
                document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = (options.MaxDepth * 4) + 64 });
            }
            catch (GraphQLMaxDepthExceededException)
            {
                return Error($"The query is nested more than {options.MaxDepth} levels deep, the limit");
            }
            catch (GraphQLParserException e)
            {
                return Error($"Syntax error: {e.Message}");
            }

            var depth = DocumentLimits.Depth(document, options.MaxDepth);
            if (depth > options.MaxDepth)
            {
                return Error($"The query is nested more than {options.MaxDepth} levels deep, the limit");
            }
        }

        Inputs? variables = null;
        if (request.Variables is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } v)
        {
            if (v.ValueKind != JsonValueKind.Object)
            {
                return Error("`variables` must be a JSON object");
            }

            try
            {
                variables = Serializer.ReadNode<Inputs>(v);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                return Error($"`variables` could not be read: {e.Message}");
            }
        }

        if (cached && options.FastPath)
        {
            var fast = await _fast.TryExecuteAsync(d, document, request.OperationName, variables, cancellationToken).ConfigureAwait(false);
            if (fast is not null)
            {
                return fast;
            }
        }

        var state = new RequestState(d, cancellationToken);
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = d.Schema,
            Query = query,
            Document = document,
            Variables = variables,
            OperationName = request.OperationName,
            UserContext = state,
            CancellationToken = cancellationToken,
            ThrowOnUnhandledException = false,
            ValidationRules = cached ? [] : IdStringVariablePositions.Rules,
            UnhandledExceptionDelegate = ctx =>
            {
                ctx.ErrorMessage = $"internal error while resolving the query: {ctx.OriginalException.GetType().Name}: {ctx.OriginalException.Message}";
                return Task.CompletedTask;
            },
        }).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (!cached && result.Executed)
        {
            _validated.Add(d, query, document);
        }

        using var ms = new MemoryStream();
        await Serializer.WriteAsync(ms, result, CancellationToken.None).ConfigureAwait(false);
        var bytes = ms.ToArray();
        return new GraphQLResult(bytes, state.Block, state.EntityTypes, result.Errors is { Count: > 0 });
    }

    /// <summary>An answer with one error and no data (The Graph's shape: <c>{"errors":[{"message":…}]}</c>).</summary>
    public static GraphQLResult Error(string message)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return new GraphQLResult(ms.ToArray(), null, [], hasErrors: true);
    }
}
