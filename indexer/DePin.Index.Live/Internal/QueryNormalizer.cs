using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;

namespace DePin.Index.Live.Internal;

/// <summary>Parses and prints GraphQL documents for cache keys and subscriptions (pure).</summary>
internal static class QueryNormalizer
{
    private const int MaxParseDepth = 64;

    public static NormalizedQuery Normalize(string query, string? operationName, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new LiveQueryException("the request has no query document");
        }

        if (query.Length > maxLength)
        {
            throw new LiveQueryException($"the query document is {query.Length} characters long, more than the {maxLength} allowed");
        }

        GraphQLDocument doc;
        try
        {
            doc = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.All, MaxDepth = MaxParseDepth });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw new LiveQueryException($"the query document is nested deeper than {MaxParseDepth} levels");
        }
        catch (GraphQLSyntaxErrorException e)
        {
            throw new LiveQueryException($"syntax error: {e.Description} at line {e.Location.Line}, column {e.Location.Column}", e);
        }

        var operations = doc.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        GraphQLOperationDefinition op;
        if (string.IsNullOrEmpty(operationName))
        {
            op = operations.Count == 1 ? operations[0]
                : throw new LiveQueryException(operations.Count == 0 ? "the document has no operation" : "the document has several operations: name one with operationName");
        }
        else
        {
            op = operations.FirstOrDefault(o => o.Name is { } n && n.StringValue == operationName)
                ?? throw new LiveQueryException($"the document has no operation named '{operationName}'");
        }

        var type = op.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            _ => "subscription",
        };
        if (op.Operation == OperationType.Subscription)
        {
            op.Operation = OperationType.Query; // the subscription type mirrors the query type
        }

        var scan = new Scan();
        Walk(doc, scan);
        return new NormalizedQuery
        {
            Text = Print(doc),
            OperationType = type,
            HasBlockArgument = scan.BlockArgument,
            ReadsMeta = scan.Meta,
        };
    }

    /// <summary>
    /// Prints definition by definition: the printer drops the <c>query</c> keyword of an anonymous operation with variables
    /// (<c>($n: Int) {…}</c>, not a valid document), so it is put back.
    /// </summary>
    private static string Print(GraphQLDocument doc)
    {
        var printer = new SDLPrinter();
        var parts = new List<string>(doc.Definitions.Count);
        foreach (var def in doc.Definitions)
        {
            var text = printer.Print(def);
            if (def is GraphQLOperationDefinition { Name: null, Operation: var kind } && text.StartsWith('('))
            {
                text = (kind == OperationType.Mutation ? "mutation " : "query ") + text;
            }

            parts.Add(text);
        }

        return string.Join('\n', parts);
    }

    private sealed class Scan
    {
        public bool BlockArgument { get; set; }

        public bool Meta { get; set; }
    }

    private static void Walk(ASTNode node, Scan scan)
    {
        switch (node)
        {
            case GraphQLDocument d:
                foreach (var def in d.Definitions)
                {
                    Walk(def, scan);
                }

                break;
            case GraphQLOperationDefinition o:
                Walk(o.SelectionSet, scan);
                break;
            case GraphQLFragmentDefinition f:
                Walk(f.SelectionSet, scan);
                break;
            case GraphQLInlineFragment i:
                Walk(i.SelectionSet, scan);
                break;
            case GraphQLField field:
                if (field.Name.StringValue == "_meta")
                {
                    scan.Meta = true;
                }

                if (field.Arguments is { } args)
                {
                    if (args.Items.Any(a => a.Name.StringValue == "block"))
                    {
                        scan.BlockArgument = true;
                    }

                    SortArguments(args);
                }

                if (field.SelectionSet is { } set)
                {
                    Walk(set, scan);
                }

                break;
        }
    }

    /// <summary>Arguments and input object fields are maps: their order carries no meaning, so it is made canonical (by name).</summary>
    private static void SortArguments(GraphQLArguments args)
    {
        args.Items.Sort((a, b) => string.CompareOrdinal(a.Name.StringValue, b.Name.StringValue));
        foreach (var a in args.Items)
        {
            SortValue(a.Value);
        }
    }

    private static void SortValue(GraphQLValue value)
    {
        switch (value)
        {
            case GraphQLObjectValue { Fields: { } fields }:
                fields.Sort((a, b) => string.CompareOrdinal(a.Name.StringValue, b.Name.StringValue));
                foreach (var f in fields)
                {
                    SortValue(f.Value);
                }

                break;
            case GraphQLListValue { Values: { } values }:
                foreach (var v in values)
                {
                    SortValue(v);
                }

                break;
        }
    }

    private static void Walk(GraphQLSelectionSet? set, Scan scan)
    {
        if (set is null)
        {
            return;
        }

        foreach (var s in set.Selections)
        {
            Walk(s, scan);
        }
    }
}
