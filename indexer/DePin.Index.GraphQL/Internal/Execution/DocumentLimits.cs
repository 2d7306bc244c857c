using GraphQLParser.AST;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>The selection depth of a document, fragments expanded (a fragment already on the path is not entered again).</summary>
internal static class DocumentLimits
{
    public static int Depth(GraphQLDocument document, int limit)
    {
        var max = 0;
        foreach (var op in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            max = Math.Max(max, Depth(document, op.SelectionSet, 1, limit, []));
        }

        return max;
    }

    private static int Depth(GraphQLDocument document, GraphQLSelectionSet set, int depth, int limit, HashSet<string> path)
    {
        var max = depth;
        foreach (var s in set.Selections)
        {
            if (max > limit)
            {
                return max;
            }

            switch (s)
            {
                case GraphQLField { SelectionSet: { } child }:
                    max = Math.Max(max, Depth(document, child, depth + 1, limit, path));
                    break;
                case GraphQLInlineFragment inline:
                    max = Math.Max(max, Depth(document, inline.SelectionSet, depth, limit, path));
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (Fragments.Find(document, name) is { } f && path.Add(name))
                    {
                        max = Math.Max(max, Depth(document, f.SelectionSet, depth, limit, path));
                        path.Remove(name);
                    }

                    break;
            }
        }

        return max;
    }
}
