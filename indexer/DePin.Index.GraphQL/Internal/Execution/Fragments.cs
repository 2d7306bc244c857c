using GraphQLParser.AST;

namespace DePin.Index.GraphQL.Internal.Execution;

internal static class Fragments
{
    public static GraphQLFragmentDefinition? Find(GraphQLDocument document, string name) =>
        document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name);

    /// <summary>
    /// Every root field of the operation with the response key of <paramref name="field"/> (fields merged from fragments
    /// on <c>Query</c>), so their sub-selections are read together.
    /// </summary>
    public static List<GraphQLField> RootFields(GraphQLDocument document, GraphQLOperationDefinition operation, GraphQLField field)
    {
        var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
        var found = new List<GraphQLField>();
        Walk(document, operation.SelectionSet, key, found, []);
        if (!found.Contains(field))
        {
            found.Insert(0, field);
        }

        return found;
    }

    private static void Walk(GraphQLDocument document, GraphQLSelectionSet set, string key, List<GraphQLField> found, HashSet<string> seen)
    {
        foreach (var s in set.Selections)
        {
            switch (s)
            {
                case GraphQLField f when (f.Alias?.Name.StringValue ?? f.Name.StringValue) == key:
                    found.Add(f);
                    break;
                case GraphQLInlineFragment inline:
                    Walk(document, inline.SelectionSet, key, found, seen);
                    break;
                case GraphQLFragmentSpread spread when seen.Add(spread.FragmentName.Name.StringValue) && Find(document, spread.FragmentName.Name.StringValue) is { } frag:
                    Walk(document, frag.SelectionSet, key, found, seen);
                    break;
            }
        }
    }
}
