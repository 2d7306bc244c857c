using GraphQL;
using GraphQL.Resolvers;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>Fields below the root: values were read level by level beforehand; this only looks them up.</summary>
internal sealed class RowResolver : IFieldResolver
{
    public static readonly RowResolver Instance = new();

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        if (context.Source is EntityRow row)
        {
            var key = context.FieldAst.Alias?.Name.StringValue ?? context.FieldAst.Name.StringValue;
            return ValueTask.FromResult(row.TryGetValue(key, out var v) ? v : null);
        }

        if (context.Source is IDictionary<string, object?> dict)
        {
            return ValueTask.FromResult(dict.TryGetValue(context.FieldDefinition.Name, out var v) ? v : null);
        }

        return ValueTask.FromResult<object?>(null);
    }
}
