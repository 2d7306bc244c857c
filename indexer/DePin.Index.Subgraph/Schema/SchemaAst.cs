using GraphQLParser.AST;

namespace DePin.Index.Subgraph.Schema;

/// <summary>Small readers over GraphQLParser's AST.</summary>
internal static class SchemaAst
{
    public static string Name(GraphQLName name) => name.StringValue;

    public static string? Description(GraphQLDescription? description) =>
        description is null ? null : description.Value.ToString();

    public static IEnumerable<GraphQLDirective> Directives(IHasDirectivesNode node) =>
        node.Directives?.Items ?? Enumerable.Empty<GraphQLDirective>();

    public static GraphQLArgument? Argument(GraphQLDirective directive, string name) =>
        directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name);

    public static FieldType ToFieldType(GraphQLType type) => type switch
    {
        GraphQLNonNullType nn => WithNonNull(ToFieldType(nn.Type)),
        GraphQLListType list => FieldType.ListOf(ToFieldType(list.Type)),
        GraphQLNamedType named => FieldType.Named(named.Name.StringValue),
        _ => throw new InvalidOperationException($"unexpected GraphQL type node {type.Kind}"),
    };

    /// <summary>A GraphQL value as short text for messages.</summary>
    public static string Show(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => $"\"{s.Value}\"",
        GraphQLBooleanValue b => b.BoolValue ? "true" : "false",
        GraphQLIntValue i => i.Value.ToString(),
        GraphQLFloatValue f => f.Value.ToString(),
        GraphQLEnumValue e => e.Name.StringValue,
        GraphQLNullValue => "null",
        GraphQLListValue => "a list",
        GraphQLObjectValue => "an object",
        _ => value.Kind.ToString(),
    };

    private static FieldType WithNonNull(FieldType t) =>
        t.IsList ? FieldType.ListOf(t.ItemType!, nonNull: true) : FieldType.Named(t.Name!, nonNull: true);
}
