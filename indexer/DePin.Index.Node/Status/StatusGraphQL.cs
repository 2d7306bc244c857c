using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;

namespace DePin.Index.Node.Status;

/// <summary>
/// graph-node's index-node GraphQL API (<c>server/index-node/src/schema.graphql</c>) on the status port's
/// <c>POST /graphql</c>: <c>indexingStatuses(subgraphs:)</c>, <c>indexingStatusForCurrentVersion(subgraphName:)</c>,
/// <c>indexingStatusForPendingVersion</c> (always null: a deploy replaces the current version at once),
/// <c>indexingStatusesForSubgraphName(subgraphName:)</c> and <c>proofOfIndexing(subgraph:, blockNumber:, blockHash:,
/// indexer:)</c>, read from <see cref="IDeploymentRegistry"/> and <see cref="IIndexingStatusSource"/>.
/// </summary>
internal sealed class StatusGraphQL
{
    private static readonly GraphQLSerializer Serializer = new();
    private readonly IDeploymentRegistry _registry;
    private readonly IIndexingStatusSource _source;
    private readonly DocumentExecuter _executer = new();
    private readonly Schema _schema;

    public StatusGraphQL(IDeploymentRegistry registry, IIndexingStatusSource source)
    {
        _registry = registry;
        _source = source;
        _schema = BuildSchema();
        _schema.Initialize();
    }

    /// <summary>One deployment's status as the resolvers read it.</summary>
    private sealed record Status(DeploymentRecord Deployment, IndexingProgress Progress);

    /// <summary>Answers a <c>POST /graphql</c> body (<c>{query, variables, operationName}</c>).</summary>
    public async Task HandleAsync(HttpContext ctx)
    {
        string? query;
        Inputs? variables = null;
        string? operationName;
        try
        {
            using var body = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted).ConfigureAwait(false);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                await ErrorAsync(ctx, "the request body must be a JSON object with a `query`").ConfigureAwait(false);
                return;
            }

            query = root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
            operationName = root.TryGetProperty("operationName", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            if (root.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object)
            {
                variables = Serializer.ReadNode<Inputs>(v);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            await ErrorAsync(ctx, $"the request body is not valid JSON: {e.Message}").ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            await ErrorAsync(ctx, "the request has no `query`").ConfigureAwait(false);
            return;
        }

        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Query = query,
            Variables = variables,
            OperationName = operationName,
            CancellationToken = ctx.RequestAborted,
            ThrowOnUnhandledException = false,
            UnhandledExceptionDelegate = c =>
            {
                c.ErrorMessage = $"internal error: {c.OriginalException.GetType().Name}: {c.OriginalException.Message}";
                return Task.CompletedTask;
            },
        }).ConfigureAwait(false);
        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = "application/json";
        await Serializer.WriteAsync(ctx.Response.Body, result, ctx.RequestAborted).ConfigureAwait(false);
    }

    private static async Task ErrorAsync(HttpContext ctx, string message)
    {
        ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
        ctx.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(ctx.Response.Body, new { errors = new[] { new { message } } }, cancellationToken: ctx.RequestAborted)
            .ConfigureAwait(false);
    }

    private async Task<Status> StatusOfAsync(DeploymentRecord d, CancellationToken ct) =>
        new(d, await _source.GetProgressAsync(d.Id, ct).ConfigureAwait(false) ?? new IndexingProgress());

    private async Task<Status?> CurrentAsync(string name, CancellationToken ct) =>
        await _registry.ResolveNameAsync(name, ct).ConfigureAwait(false) is { } id
        && await _registry.FindDeploymentAsync(id, ct).ConfigureAwait(false) is { } d
            ? await StatusOfAsync(d, ct).ConfigureAwait(false)
            : null;

    private Schema BuildSchema()
    {
        var bigInt = new TextScalar("BigInt", "an integer of any size, as a string", IsInteger);
        var bytes = new TextScalar("Bytes", "bytes as 0x-prefixed hex", IsHex);

        var health = new EnumerationGraphType { Name = "Health" };
        health.Add("healthy", IndexingHealth.Healthy, "Subgraph syncing normally");
        health.Add("unhealthy", IndexingHealth.Unhealthy, "Subgraph syncing but with errors");
        health.Add("failed", IndexingHealth.Failed, "Subgraph halted due to errors");

        var block = new ObjectGraphType<StatusBlock> { Name = "Block" };
        block.Field("hash", new NonNullGraphType(bytes)).Resolve(c => c.Source.Hash);
        block.Field("number", new NonNullGraphType(bigInt)).Resolve(c => Str(c.Source.Number));

        // graph-node's EarliestBlock: the store knows the start block's number only, so the hash is "0x0" as graph-node
        // answers when it has none.
        var earliest = new ObjectGraphType<long> { Name = "EarliestBlock" };
        earliest.Field("hash", new NonNullGraphType(bytes)).Resolve(_ => "0x0");
        earliest.Field("number", new NonNullGraphType(bigInt)).Resolve(c => Str(c.Source));

        var error = new ObjectGraphType<IndexingError> { Name = "SubgraphError" };
        error.Field("message", new NonNullGraphType(new StringGraphType())).Resolve(c => c.Source.Message);
        error.Field("block", block).Resolve(c => c.Source.Block);
        error.Field("handler", new StringGraphType()).Resolve(c => c.Source.Handler);
        error.Field("deterministic", new NonNullGraphType(new BooleanGraphType())).Resolve(c => c.Source.Deterministic);

        var chainInterface = new InterfaceGraphType<Status> { Name = "ChainIndexingStatus" };
        var ethereum = new ObjectGraphType<Status> { Name = "EthereumIndexingStatus" };
        foreach (var chain in new IComplexGraphType[] { chainInterface, ethereum })
        {
            var concrete = chain == ethereum;
            chain.AddField(new FieldType { Name = "network", ResolvedType = new NonNullGraphType(new StringGraphType()), Resolver = concrete ? Resolve(s => s.Deployment.Network) : null });
            chain.AddField(new FieldType { Name = "chainHeadBlock", ResolvedType = block, Resolver = concrete ? Resolve(s => s.Progress.ChainHead) : null });
            chain.AddField(new FieldType { Name = "earliestBlock", ResolvedType = earliest, Resolver = concrete ? Resolve(s => s.Progress.EarliestBlock) : null });
            chain.AddField(new FieldType { Name = "latestBlock", ResolvedType = block, Resolver = concrete ? Resolve(s => s.Progress.LatestBlock) : null });
            chain.AddField(new FieldType { Name = "lastHealthyBlock", ResolvedType = block, Resolver = concrete ? Resolve(s => s.Progress.LastHealthyBlock) : null });
        }

        ethereum.AddResolvedInterface(chainInterface);
        chainInterface.AddPossibleType(ethereum);
        chainInterface.ResolveType = _ => ethereum;
        ethereum.IsTypeOf = o => o is Status;

        var status = new ObjectGraphType<Status> { Name = "SubgraphIndexingStatus" };
        status.Field("subgraph", new NonNullGraphType(new StringGraphType())).Resolve(c => c.Source.Deployment.Id);
        status.Field("synced", new NonNullGraphType(new BooleanGraphType())).Resolve(c => c.Source.Progress.Synced);
        status.Field("health", new NonNullGraphType(health)).Resolve(c => c.Source.Progress.Health);
        status.Field("entityCount", new NonNullGraphType(bigInt)).Resolve(c => Str(c.Source.Progress.EntityCount));
        status.Field("fatalError", error).Resolve(c => c.Source.Progress.FatalError);
        status.Field("nonFatalErrors", new NonNullGraphType(new ListGraphType(new NonNullGraphType(error))))
            .Resolve(c => c.Source.Progress.NonFatalErrors.Take(1000).ToList());
        status.Field("chains", new NonNullGraphType(new ListGraphType(new NonNullGraphType(chainInterface)))).Resolve(c => new[] { c.Source });
        status.Field("node", new StringGraphType()).Resolve(c => c.Source.Deployment.NodeId);
        // Pausing is not supported (subgraph_pause is not served) and history is kept whole (deploy ignores history_blocks;
        // graph-node's "all history" is i32::MAX).
        status.Field("paused", new BooleanGraphType()).Resolve(_ => false);
        status.Field("historyBlocks", new NonNullGraphType(new IntGraphType())).Resolve(_ => int.MaxValue);

        var statusList = new NonNullGraphType(new ListGraphType(new NonNullGraphType(status)));
        var query = new ObjectGraphType { Name = "Query" };
        query.Field("indexingStatuses", statusList)
            .Argument(new ListGraphType(new NonNullGraphType(new StringGraphType())), "subgraphs")
            .ResolveAsync(async c =>
            {
                var ids = c.GetArgument<List<string>?>("subgraphs");
                var result = new List<Status>();
                if (ids is null)
                {
                    foreach (var d in await _registry.ListDeploymentsAsync(null, c.CancellationToken).ConfigureAwait(false))
                    {
                        result.Add(await StatusOfAsync(d, c.CancellationToken).ConfigureAwait(false));
                    }
                }
                else
                {
                    foreach (var id in ids.Distinct(StringComparer.Ordinal))
                    {
                        if (await _registry.FindDeploymentAsync(id, c.CancellationToken).ConfigureAwait(false) is { } d)
                        {
                            result.Add(await StatusOfAsync(d, c.CancellationToken).ConfigureAwait(false));
                        }
                    }
                }

                return result;
            });
        query.Field("indexingStatusForCurrentVersion", status)
            .Argument(new NonNullGraphType(new StringGraphType()), "subgraphName")
            .ResolveAsync(async c => await CurrentAsync(c.GetArgument<string>("subgraphName"), c.CancellationToken).ConfigureAwait(false));
        query.Field("indexingStatusForPendingVersion", status)
            .Argument(new NonNullGraphType(new StringGraphType()), "subgraphName")
            .Resolve(_ => null);
        query.Field("indexingStatusesForSubgraphName", statusList)
            .Argument(new NonNullGraphType(new StringGraphType()), "subgraphName")
            .ResolveAsync(async c => await CurrentAsync(c.GetArgument<string>("subgraphName"), c.CancellationToken).ConfigureAwait(false) is { } s
                ? new List<Status> { s }
                : []);
        query.Field("proofOfIndexing", bytes)
            .Argument(new NonNullGraphType(new StringGraphType()), "subgraph")
            .Argument(new NonNullGraphType(new IntGraphType()), "blockNumber")
            .Argument(new NonNullGraphType(bytes), "blockHash")
            .Argument(bytes, "indexer")
            .ResolveAsync(async c =>
            {
                var indexerText = c.GetArgument<string?>("indexer");
                if (indexerText is not null && indexerText.Length != 42)
                {
                    throw new ExecutionError($"indexer must be a 20-byte address, not '{indexerText}'");
                }

                var poi = await _source.GetProofOfIndexingAsync(c.GetArgument<string>("subgraph"), c.GetArgument<int>("blockNumber"),
                    c.GetArgument<string>("blockHash"), indexerText is null ? null : Convert.FromHexString(indexerText.AsSpan(2)),
                    c.CancellationToken).ConfigureAwait(false);
                return poi is null ? null : "0x" + Convert.ToHexStringLower(poi);
            });

        var schema = new Schema { Query = query };
        schema.RegisterType(ethereum);
        return schema;
    }

    private static global::GraphQL.Resolvers.FuncFieldResolver<object?> Resolve(Func<Status, object?> f) => new(c => f((Status)c.Source!));

    private static string Str(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static bool IsInteger(string s) => s.Length > 0 && s.AsSpan(s[0] == '-' ? 1 : 0).ToString() is { Length: > 0 } digits && digits.All(char.IsAsciiDigit);

    private static bool IsHex(string s) =>
        s.StartsWith("0x", StringComparison.Ordinal) && (s.Length - 2) % 2 == 0 && s.Skip(2).All(char.IsAsciiHexDigit);

    /// <summary>A scalar carried as a string (BigInt, Bytes), checked on input.</summary>
    private sealed class TextScalar : ScalarGraphType
    {
        private readonly Func<string, bool> _valid;

        public TextScalar(string name, string description, Func<string, bool> valid)
        {
            Name = name;
            Description = description;
            _valid = valid;
        }

        public override object? ParseValue(object? value) => value switch
        {
            null => null,
            string s when _valid(s) => s,
            _ => ThrowValueConversionError(value),
        };

        public override object? ParseLiteral(GraphQLValue value) => value switch
        {
            GraphQLNullValue => null,
            GraphQLStringValue s when _valid((string)s.Value) => (string)s.Value,
            _ => ThrowLiteralConversionError(value),
        };

        public override object? Serialize(object? value) => value?.ToString();
    }
}
