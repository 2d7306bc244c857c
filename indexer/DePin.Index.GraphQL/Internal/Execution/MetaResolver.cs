using GraphQL;
using GraphQL.Resolvers;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// <c>_meta</c>: the block answered at (hash only for the head — this node keeps no table of older block hashes; the
/// timestamp and parent hash are null for the same reason), the deployment id and whether indexing failed.
/// </summary>
internal sealed class MetaResolver(DeploymentCatalog catalog, GraphQLOptions options) : IFieldResolver
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
        await StoreErrors.GuardAsync(() => ResolveCoreAsync(context), options, context.CancellationToken).ConfigureAwait(false);

    private async Task<object?> ResolveCoreAsync(IResolveFieldContext context)
    {
        var state = (RequestState)context.UserContext;
        var d = state.Deployment;
        var head = await catalog.GetHeadAsync(d, context.CancellationToken).ConfigureAwait(false);
        var located = BlockResolver.Locate(d.Id, head, context.Arguments?.TryGetValue("block", out var b) == true ? b.Value : null);
        if (head.Number is null)
        {
            throw new QueryException($"deployment {d.Id} has not indexed any block yet");
        }

        state.AnsweredAt(located.Number);
        var explicitNumber = context.Arguments?.TryGetValue("block", out var arg) == true && arg.Value is IDictionary<string, object?> bd && bd.TryGetValue("number", out var n) && n is not null;
        return new Dictionary<string, object?>
        {
            ["block"] = new Dictionary<string, object?>
            {
                ["number"] = located.Number,
                ["hash"] = !explicitNumber && located.Hash is { } h ? ValueCodec.Hex(h) : null,
                ["timestamp"] = null,
                ["parentHash"] = null,
            },
            ["deployment"] = d.Id,
            ["hasIndexingErrors"] = head.HasIndexingErrors,
        };
    }
}
