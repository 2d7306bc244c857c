using GraphQL;
using GraphQL.Resolvers;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>The GraphQL.NET resolver of every entity root field; database errors become GraphQL errors.</summary>
internal sealed class EntityResolver(RootFieldRunner runner, GraphQLOptions options) : IFieldResolver
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
        await StoreErrors.GuardAsync(async () =>
        {
            var state = (RequestState)context.UserContext;
            var fields = Fragments.RootFields(context.Document, context.Operation, context.FieldAst);
            var answer = await runner.RunAsync(state, context.FieldDefinition, context.Arguments, context.Schema, context.Document,
                context.Variables, fields, context.CancellationToken).ConfigureAwait(false);
            return answer.Value;
        }, options, context.CancellationToken).ConfigureAwait(false);
}
