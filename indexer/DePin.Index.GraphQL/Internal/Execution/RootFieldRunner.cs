using DePin.Index.GraphQL.Internal.Schema;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Npgsql;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// One entity root field (singular, plural, fulltext) from start to end: locates the block, plans the selection below
/// it and runs it level by level on one pooled connection. Shared by the GraphQL.NET resolver and the fast path.
/// </summary>
internal sealed class RootFieldRunner(DeploymentCatalog catalog, NpgsqlDataSource dataSource, GraphQLOptions options)
{
    public sealed record Answer(object? Value, LevelPlan Plan);

    public async Task<Answer> RunAsync(RequestState state, FieldType field, IDictionary<string, ArgumentValue>? arguments,
        ISchema schema, GraphQLDocument document, Variables? variables, IReadOnlyList<GraphQLField> asts, CancellationToken ct)
    {
        var d = state.Deployment;
        var name = field.Name;
        var head = await catalog.GetHeadAsync(d, ct).ConfigureAwait(false);
        var located = BlockResolver.Locate(d.Id, head, arguments?.TryGetValue("block", out var b) == true ? b.Value : null);
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
            search = (fulltext, arguments?.TryGetValue("text", out var t) == true ? t.Value as string ?? "" : "");
        }
        else
        {
            typeName = field.ResolvedType!.GetNamedType().Name;
            isList = name != ApiNames.Singular(typeName);
            if (!isList)
            {
                id = arguments?.TryGetValue("id", out var i) == true ? i.Value : null;
            }
        }

        var plan = new PlanBuilder(d.Layout, schema, document, variables, options).Root(typeName, arguments, asts, isList, id, search);
        await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = await new LevelExecutor(conn, d.Layout, located.Number, state).RootAsync(plan, ct).ConfigureAwait(false);
        return new Answer(isList ? rows : rows.FirstOrDefault(), plan);
    }
}
