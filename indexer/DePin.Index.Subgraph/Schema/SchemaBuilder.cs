using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace DePin.Index.Subgraph.Schema;

/// <summary>
/// Turns schema.graphql into the model: parses it with GraphQLParser, reads the type definitions
/// (this class), then resolves and checks references (<see cref="SchemaResolver"/>) and the
/// <c>@fulltext</c> directives (<see cref="FulltextReader"/>). Every problem is collected and
/// reported together in one <see cref="SchemaException"/>.
/// </summary>
internal sealed class SchemaBuilder
{
    private static readonly string[] ReservedNames =
        ["Boolean", "ID", "Int", "Int8", "BigDecimal", "String", "Bytes", "BigInt", "Timestamp", "Query", "Subscription"];

    private readonly SchemaErrorSink _errors;
    private readonly Dictionary<string, ASTNode> _typeNodes = new(StringComparer.Ordinal);
    private readonly List<EntityType> _entities = [];
    private readonly List<InterfaceType> _interfaces = [];
    private readonly List<EnumType> _enums = [];
    private readonly List<GraphQLObjectTypeDefinition> _schemaTypes = [];

    private SchemaBuilder(SchemaErrorSink errors) => _errors = errors;

    public static SubgraphSchema Build(string sdl, string file, Version? specVersion)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(sdl, new ParserOptions { Ignore = IgnoreOptions.Comments });
        }
        catch (GraphQLParserException e)
        {
            // GraphQLParser appends a link to the spec: keep the problem itself.
            var problem = e.Description.Split("; for more information", 2)[0];
            throw new SchemaException([new SchemaError(file, e.Location.Line, e.Location.Column, null, null, $"syntax error: {problem}")]);
        }

        var errors = new SchemaErrorSink(file, sdl);
        var builder = new SchemaBuilder(errors);
        foreach (var definition in document.Definitions)
        {
            builder.Read(definition);
        }

        builder.CheckReservedNames();
        var schema = new SubgraphSchema(builder._entities, builder._interfaces, builder._enums, file);
        new SchemaResolver(schema, errors, specVersion).Resolve();
        var fulltexts = FulltextReader.Read(builder._schemaTypes, schema, errors);
        errors.ThrowIfAny();
        schema.SetFulltexts(fulltexts);
        return schema;
    }

    private void Read(ASTNode definition)
    {
        switch (definition)
        {
            case GraphQLObjectTypeDefinition o when o.Name.StringValue == SubgraphSchema.SchemaTypeName:
                _schemaTypes.Add(o);
                break;
            case GraphQLObjectTypeDefinition o:
                if (Declare(o.Name, o.Name.StringValue))
                {
                    ReadObjectType(o);
                }

                break;
            case GraphQLInterfaceTypeDefinition i:
                if (Declare(i.Name, i.Name.StringValue))
                {
                    var (line, column) = _errors.Locate(i.Name);
                    _interfaces.Add(new InterfaceType(i.Name.StringValue, ReadFields(i.Name.StringValue, i.Fields), SchemaAst.Description(i.Description), line, column));
                }

                break;
            case GraphQLEnumTypeDefinition e:
                if (Declare(e.Name, e.Name.StringValue))
                {
                    ReadEnum(e);
                }

                break;
            default:
                _errors.Add(NameOf(definition) ?? definition, null, null, $"{Describe(definition)} is not allowed in a subgraph schema (only @entity types, interfaces and enums are)");
                break;
        }
    }

    private bool Declare(ASTNode node, string name)
    {
        if (_typeNodes.TryGetValue(name, out var first))
        {
            _errors.Add(node, name, null, $"type `{name}` is defined twice (first on line {_errors.Locate(first).Line})");
            return false;
        }

        _typeNodes.Add(name, node);
        return true;
    }

    private void ReadObjectType(GraphQLObjectTypeDefinition o)
    {
        var name = o.Name.StringValue;
        var directives = SchemaAst.Directives(o).ToList();
        if (directives.Any(d => d.Name.StringValue == "aggregation"))
        {
            _errors.Add(o.Name, name, null, $"type `{name}`: @aggregation types are not supported by this indexer");
            return;
        }

        var entity = directives.FirstOrDefault(d => d.Name.StringValue == "entity");
        if (entity is null)
        {
            _errors.Add(o.Name, name, null, $"type `{name}` has no @entity directive (every object type of a subgraph schema is an entity)");
            return;
        }

        var immutable = BoolArgument(entity, "immutable", name);
        var timeseries = BoolArgument(entity, "timeseries", name) ?? false;
        var skipDuplicates = BoolArgument(entity, "skipDuplicates", name) ?? false;
        foreach (var arg in entity.Arguments?.Items ?? [])
        {
            if (arg.Name.StringValue is not ("immutable" or "timeseries" or "skipDuplicates"))
            {
                _errors.Add(arg, name, null, $"type `{name}`: unknown @entity argument `{arg.Name.StringValue}` (expected immutable, timeseries or skipDuplicates)");
            }
        }

        if (timeseries && immutable == false)
        {
            _errors.Add(entity, name, null, $"type `{name}`: a timeseries must be immutable");
        }

        var isImmutable = immutable ?? timeseries;
        if (skipDuplicates && !isImmutable)
        {
            _errors.Add(entity, name, null, $"type `{name}`: skipDuplicates: true requires immutable: true");
        }

        var interfaces = o.Interfaces?.Items.Select(i => i.Name.StringValue).ToList() ?? [];
        var (line, column) = _errors.Locate(o.Name);
        _entities.Add(new EntityType(name, ReadFields(name, o.Fields), interfaces, isImmutable, timeseries, skipDuplicates,
            SchemaAst.Description(o.Description), line, column));
    }

    private bool? BoolArgument(GraphQLDirective directive, string argument, string typeName)
    {
        var arg = SchemaAst.Argument(directive, argument);
        if (arg is null)
        {
            return null;
        }

        if (arg.Value is GraphQLBooleanValue b)
        {
            return b.BoolValue;
        }

        _errors.Add(arg, typeName, null, $"type `{typeName}`: the `{argument}` argument of @entity must be a boolean, not {SchemaAst.Show(arg.Value)}");
        return null;
    }

    private List<SchemaField> ReadFields(string typeName, GraphQLFieldsDefinition? fields)
    {
        var result = new List<SchemaField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in fields?.Items ?? [])
        {
            var name = f.Name.StringValue;
            if (!seen.Add(name))
            {
                _errors.Add(f.Name, typeName, name, $"type `{typeName}`, field `{name}`: defined twice");
                continue;
            }

            if (f.Arguments is { Items.Count: > 0 })
            {
                _errors.Add(f.Name, typeName, name, $"type `{typeName}`, field `{name}`: entity fields cannot have arguments");
            }

            var (line, column) = _errors.Locate(f.Name);
            result.Add(new SchemaField(name, SchemaAst.ToFieldType(f.Type), DerivedFrom(typeName, f), SchemaAst.Description(f.Description), line, column));
        }

        return result;
    }

    private string? DerivedFrom(string typeName, GraphQLFieldDefinition field)
    {
        var directive = SchemaAst.Directives(field).FirstOrDefault(d => d.Name.StringValue == "derivedFrom");
        if (directive is null)
        {
            return null;
        }

        var prefix = $"type `{typeName}`, field `{field.Name.StringValue}`: invalid @derivedFrom: ";
        var arg = SchemaAst.Argument(directive, "field");
        if (arg is null)
        {
            _errors.Add(directive, typeName, field.Name.StringValue, prefix + "the directive must have a `field` argument");
            return null;
        }

        if (arg.Value is not GraphQLStringValue s)
        {
            _errors.Add(arg, typeName, field.Name.StringValue, prefix + $"the `field` argument must be a string, not {SchemaAst.Show(arg.Value)}");
            return null;
        }

        return s.Value.ToString();
    }

    private void ReadEnum(GraphQLEnumTypeDefinition e)
    {
        var name = e.Name.StringValue;
        var values = new List<string>();
        foreach (var v in e.Values?.Items ?? [])
        {
            var value = v.EnumValue.Name.StringValue;
            if (values.Contains(value, StringComparer.Ordinal))
            {
                _errors.Add(v, name, null, $"enum `{name}`: value `{value}` is defined twice");
                continue;
            }

            values.Add(value);
        }

        if (values.Count == 0)
        {
            _errors.Add(e.Name, name, null, $"enum `{name}` has no values");
        }

        var (line, column) = _errors.Locate(e.Name);
        _enums.Add(new EnumType(name, values, SchemaAst.Description(e.Description), line, column));
    }

    private void CheckReservedNames()
    {
        var declared = _typeNodes.Keys.ToHashSet(StringComparer.Ordinal);
        var generated = _entities.Select(t => t.Name).Concat(_interfaces.Select(t => t.Name))
            .SelectMany(n => new[] { n + "_filter", n + "_orderBy" });
        foreach (var reserved in ReservedNames.Concat(generated).Where(declared.Contains))
        {
            _errors.Add(_typeNodes[reserved], reserved, null, $"the type name `{reserved}` is reserved (built-in or generated for the GraphQL API)");
        }
    }

    private static GraphQLName? NameOf(ASTNode node) => node is GraphQLTypeDefinition t ? t.Name : null;

    private static string Describe(ASTNode node) => node switch
    {
        GraphQLUnionTypeDefinition u => $"union `{u.Name.StringValue}`",
        GraphQLInputObjectTypeDefinition i => $"input type `{i.Name.StringValue}`",
        GraphQLScalarTypeDefinition s => $"scalar `{s.Name.StringValue}`",
        GraphQLDirectiveDefinition d => $"directive definition `@{d.Name.StringValue}`",
        GraphQLSchemaDefinition => "a schema definition",
        GraphQLTypeExtension or GraphQLSchemaExtension => "a type extension",
        GraphQLOperationDefinition => "an operation",
        GraphQLFragmentDefinition => "a fragment",
        _ => node.Kind.ToString(),
    };
}
