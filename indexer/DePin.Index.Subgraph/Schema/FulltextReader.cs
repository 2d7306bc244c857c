using GraphQLParser.AST;

namespace DePin.Index.Subgraph.Schema;

/// <summary>
/// Reads the <c>@fulltext</c> directives of the <c>_Schema_</c> type, with graph-node's checks
/// (<c>graph/src/schema/input/mod.rs</c> <c>validate_fulltext_directives</c>).
/// </summary>
internal static class FulltextReader
{
    public static List<FulltextDefinition> Read(IReadOnlyList<GraphQLObjectTypeDefinition> schemaTypes, SubgraphSchema schema, SchemaErrorSink errors)
    {
        var result = new List<FulltextDefinition>();
        const string Type = SubgraphSchema.SchemaTypeName;
        if (schemaTypes.Count > 1)
        {
            errors.Add(schemaTypes[1].Name, Type, null, $"type `{Type}` is defined twice");
        }

        foreach (var t in schemaTypes)
        {
            if (t.Fields is { Items.Count: > 0 })
            {
                errors.Add(t.Name, Type, null, $"type `{Type}` is only for @fulltext directives and must not have fields");
            }

            foreach (var d in SchemaAst.Directives(t))
            {
                if (d.Name.StringValue != "fulltext")
                {
                    errors.Add(d, Type, null, $"type `{Type}` only allows @fulltext directives, not @{d.Name.StringValue}");
                    continue;
                }

                var definition = ReadOne(d, schema, errors);
                if (definition is null)
                {
                    continue;
                }

                if (result.Any(f => f.Name == definition.Name) || schema.TryGetEntityType(definition.Name, out _) || schema.TryGetInterface(definition.Name, out _))
                {
                    errors.Add(d, Type, null, $"@fulltext name `{definition.Name}` is already the name of a type or another @fulltext query");
                    continue;
                }

                result.Add(definition);
            }
        }

        return result;
    }

    private static FulltextDefinition? ReadOne(GraphQLDirective d, SubgraphSchema schema, SchemaErrorSink errors)
    {
        var ok = true;
        void Fail(ASTNode node, string problem)
        {
            errors.Add(node, SubgraphSchema.SchemaTypeName, null, "@fulltext: " + problem);
            ok = false;
        }

        var name = Text(SchemaAst.Argument(d, "name")?.Value);
        if (string.IsNullOrEmpty(name))
        {
            Fail(d, "the `name` argument (a string) is required");
        }

        var language = Text(SchemaAst.Argument(d, "language")?.Value);
        if (language is null)
        {
            Fail(d, "the `language` argument is required");
        }
        else if (!FulltextDefinition.Languages.Contains(language))
        {
            Fail(d, $"language `{language}` is not supported (one of: {string.Join(", ", FulltextDefinition.Languages)})");
        }

        var algorithm = Text(SchemaAst.Argument(d, "algorithm")?.Value);
        if (algorithm is null)
        {
            Fail(d, "the `algorithm` argument is required");
        }
        else if (!FulltextDefinition.Algorithms.Contains(algorithm))
        {
            Fail(d, $"algorithm `{algorithm}` is not supported (one of: {string.Join(", ", FulltextDefinition.Algorithms)})");
        }

        var includes = new List<FulltextInclude>();
        if (SchemaAst.Argument(d, "include")?.Value is not GraphQLListValue { Values.Count: > 0 } list)
        {
            Fail(d, "the `include` argument must be a non-empty list of {entity, fields} objects");
        }
        else
        {
            foreach (var item in list.Values!)
            {
                var include = ReadInclude(item, schema, Fail);
                if (include is not null)
                {
                    includes.Add(include);
                }
            }
        }

        return ok ? new FulltextDefinition(name!, language!, algorithm!, includes) : null;
    }

    private static FulltextInclude? ReadInclude(GraphQLValue item, SubgraphSchema schema, Action<ASTNode, string> fail)
    {
        if (item is not GraphQLObjectValue obj || Text(obj.Field("entity")?.Value) is not { } entityName
            || obj.Field("fields")?.Value is not GraphQLListValue { Values.Count: > 0 } fields)
        {
            fail(item, "each `include` item must be an object with `entity` (a string) and `fields` (a non-empty list of {name})");
            return null;
        }

        if (!schema.TryGetEntityType(entityName, out var entity))
        {
            fail(item, $"included entity `{entityName}` is not an entity type of the schema");
            return null;
        }

        var names = new List<string>();
        foreach (var f in fields.Values!)
        {
            var fieldName = f is GraphQLObjectValue fo ? Text(fo.Field("name")?.Value) : null;
            if (fieldName is null)
            {
                fail(f, "each included field must be an object with a `name` string");
                return null;
            }

            if (!entity.TryGetField(fieldName, out var field) || field.Scalar != ScalarType.String || field.IsList)
            {
                fail(f, $"included field `{entityName}.{fieldName}` does not exist or is not a String");
                return null;
            }

            names.Add(fieldName);
        }

        return new FulltextInclude(entityName, names);
    }

    // Strings and enum literals both count: graph-node schemas write `language: en, algorithm: rank`.
    private static string? Text(GraphQLValue? value) => value switch
    {
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLEnumValue e => e.Name.StringValue,
        _ => null,
    };
}
