using DePin.Index.GraphQL.Internal.Schema;
using GraphQL;
using GraphQL.Resolvers;
using Npgsql;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// The resolver of every entity root field (singular, plural, fulltext): locates the block, plans the whole selection
/// below the field and runs it level by level on one pooled connection. Database errors (statement timeout, a bad
/// fulltext expression) become GraphQL errors.
/// </summary>
internal sealed class EntityResolver(DeploymentCatalog catalog, NpgsqlDataSource dataSource, GraphQLOptions options) : IFieldResolver
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
        await StoreErrors.GuardAsync(() => ResolveCoreAsync(context), options, context.CancellationToken).ConfigureAwait(false);

    private async Task<object?> ResolveCoreAsync(IResolveFieldContext context)
    {
        var state = (RequestState)context.UserContext;
        var d = state.Deployment;
        var ct = context.CancellationToken;
        var name = context.FieldDefinition.Name;
        var head = await catalog.GetHeadAsync(d, ct).ConfigureAwait(false);
        var located = BlockResolver.Locate(d.Id, head, context.Arguments?.TryGetValue("block", out var b) == true ? b.Value : null);
        state.AnsweredAt(head.Number is null ? null : located.Number);

        var fulltext = d.Layout.Schema.Fulltexts.FirstOrDefault(f => f.Name == name);
        string typeName;
        bool isList;
        object? id = null;
        (Subgraph.Schema.FulltextDefinition, string)? search = null;
        if (fulltext is not null)
        {
            typeName = fulltext.Includes[0].Entity;
            isList = true;
            search = (fulltext, context.GetArgument<string>("text"));
        }
        else
        {
            var type = context.FieldDefinition.ResolvedType!.GetNamedType().Name;
            typeName = type;
            isList = name != ApiNames.Singular(type);
            if (!isList)
            {
                id = context.GetArgument<object>("id");
            }
        }

        var builder = new PlanBuilder(d.Layout, context.Schema, context.Document, context.Variables, options);
        var fields = Fragments.RootFields(context.Document, context.Operation, context.FieldAst);
        var plan = builder.Root(typeName, context.Arguments, fields, isList, id, search);
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = await new LevelExecutor(conn, d.Layout, located.Number, state).RootAsync(plan, ct).ConfigureAwait(false);
        return isList ? rows : rows.FirstOrDefault();
    }
}
