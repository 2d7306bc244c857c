using DePin.Index.GraphQL.Internal.Execution;
using DePin.Index.Subgraph.Schema;
using GraphQL.Conversion;
using GraphQL.Resolvers;
using GraphQL.Types;
using GqlField = GraphQL.Types.FieldType;
using GqlSchema = GraphQL.Types.Schema;

namespace DePin.Index.GraphQL.Internal.Schema;

/// <summary>
/// Builds a deployment's API schema as graph-node's <c>api_schema</c> does, with GraphQL.NET types made at run time:
/// entity and interface object types (entity fields with collection arguments), enums, <c>T_filter</c>,
/// <c>T_orderBy</c>, <c>Block_height</c>, <c>_Meta_</c> and the <c>Query</c> type with singular, plural, fulltext and
/// <c>_meta</c> fields. Resolvers of entity fields read rows prepared by <see cref="EntityResolver"/>.
/// </summary>
internal static class ApiSchemaBuilder
{
    public static GqlSchema Build(SubgraphSchema schema, IFieldResolver rootResolver, IFieldResolver metaResolver)
    {
        var types = new List<IGraphType>();
        var scalars = new Dictionary<string, IGraphType>(StringComparer.Ordinal)
        {
            ["BigDecimal"] = new TextScalar("BigDecimal", null, acceptsIntegers: true),
            ["BigInt"] = new TextScalar("BigInt", null, acceptsIntegers: true),
            ["Bytes"] = new TextScalar("Bytes", null, acceptsIntegers: false),
            ["Int8"] = new TextScalar("Int8", "8 bytes signed integer\n", acceptsIntegers: true),
            ["Timestamp"] = new TextScalar("Timestamp", "A string representation of microseconds UNIX timestamp (16 digits)\n", acceptsIntegers: true),
        };
        types.AddRange(scalars.Values);

        var orderDirection = new EnumerationGraphType { Name = "OrderDirection", Description = "Defines the order direction, either ascending or descending" };
        orderDirection.Add("asc", "asc");
        orderDirection.Add("desc", "desc");
        var errorPolicy = new EnumerationGraphType { Name = "_SubgraphErrorPolicy_" };
        errorPolicy.Add("allow", "allow", "Data will be returned even if the subgraph has indexing errors");
        errorPolicy.Add("deny", "deny", "If the subgraph has indexing errors, data will be omitted. The default.");
        types.Add(orderDirection);
        types.Add(errorPolicy);

        var blockHeight = new InputObjectGraphType { Name = "Block_height" };
        blockHeight.AddField(new GqlField { Name = "hash", ResolvedType = scalars["Bytes"] });
        blockHeight.AddField(new GqlField { Name = "number", ResolvedType = new IntGraphType() });
        blockHeight.AddField(new GqlField { Name = "number_gte", ResolvedType = new IntGraphType() });
        var blockChanged = new InputObjectGraphType { Name = "BlockChangedFilter" };
        blockChanged.AddField(new GqlField { Name = "number_gte", ResolvedType = new NonNullGraphType(new IntGraphType()) });
        types.Add(blockHeight);
        types.Add(blockChanged);

        foreach (var e in schema.Enums)
        {
            var en = new EnumerationGraphType { Name = e.Name, Description = e.Description };
            foreach (var v in e.Values)
            {
                en.Add(v, v);
            }

            types.Add(en);
        }

        var interfaces = new Dictionary<string, InterfaceGraphType>(StringComparer.Ordinal);
        foreach (var i in schema.Interfaces)
        {
            var it = new InterfaceGraphType { Name = i.Name, Description = i.Description };
            AddFields(it, schema, i, withResolver: false);
            interfaces[i.Name] = it;
            types.Add(it);
        }

        var objects = new Dictionary<string, ObjectGraphType>(StringComparer.Ordinal);
        foreach (var e in schema.EntityTypes)
        {
            var name = e.Name;
            var ot = new ObjectGraphType { Name = e.Name, Description = e.Description, IsTypeOf = o => o is EntityRow r && r.TypeName == name };
            AddFields(ot, schema, e, withResolver: true);
            foreach (var iname in e.Interfaces)
            {
                if (interfaces.TryGetValue(iname, out var it))
                {
                    ot.AddResolvedInterface(it);
                }
            }

            objects[e.Name] = ot;
            types.Add(ot);
        }

        foreach (var it in interfaces.Values)
        {
            it.ResolveType = o => o is EntityRow row && objects.TryGetValue(row.TypeName, out var t) ? t : null;
        }

        var objectTypes = schema.EntityTypes.Cast<SchemaObjectType>().Concat(schema.Interfaces).ToList();
        foreach (var t in objectTypes)
        {
            types.Add(FilterType(schema, t, scalars));
            types.Add(OrderByType(schema, t));
        }

        var block = new ObjectGraphType { Name = "_Block_" };
        block.AddField(new GqlField { Name = "hash", Description = "The hash of the block", ResolvedType = scalars["Bytes"], Resolver = RowResolver.Instance });
        block.AddField(new GqlField { Name = "number", Description = "The block number", ResolvedType = new NonNullGraphType(new IntGraphType()), Resolver = RowResolver.Instance });
        block.AddField(new GqlField { Name = "timestamp", Description = "Integer representation of the timestamp stored in blocks for the chain", ResolvedType = new IntGraphType(), Resolver = RowResolver.Instance });
        block.AddField(new GqlField { Name = "parentHash", Description = "The hash of the parent block", ResolvedType = scalars["Bytes"], Resolver = RowResolver.Instance });
        var meta = new ObjectGraphType
        {
            Name = "_Meta_",
            Description = "The type for the top-level _meta field",
        };
        meta.AddField(new GqlField
        {
            Name = "block",
            Description = "Information about a specific subgraph block. The hash of the block\nwill be null if the _meta field has a block constraint that asks for\na block number. It will be filled if the _meta field has no block constraint\nand therefore asks for the latest  block\n",
            ResolvedType = new NonNullGraphType(block),
            Resolver = RowResolver.Instance,
        });
        meta.AddField(new GqlField { Name = "deployment", Description = "The deployment ID", ResolvedType = new NonNullGraphType(new StringGraphType()), Resolver = RowResolver.Instance });
        meta.AddField(new GqlField { Name = "hasIndexingErrors", Description = "If `true`, the subgraph encountered indexing errors at some past block", ResolvedType = new NonNullGraphType(new BooleanGraphType()), Resolver = RowResolver.Instance });
        types.Add(block);
        types.Add(meta);

        var query = new ObjectGraphType { Name = "Query" };
        foreach (var t in objectTypes)
        {
            query.AddField(new GqlField
            {
                Name = ApiNames.Singular(t.Name),
                ResolvedType = new GraphQLTypeReference(t.Name),
                Arguments = new QueryArguments(
                    new QueryArgument(new NonNullGraphType(new IdGraphType())) { Name = "id" },
                    BlockArgument(),
                    ErrorPolicyArgument()),
                Resolver = rootResolver,
            });
            query.AddField(new GqlField
            {
                Name = ApiNames.Plural(t.Name),
                ResolvedType = ListOf(t.Name),
                Arguments = CollectionArguments(t.Name, withBlock: true),
                Resolver = rootResolver,
            });
        }

        foreach (var ft in schema.Fulltexts)
        {
            var target = ft.Includes[0].Entity;
            query.AddField(new GqlField
            {
                Name = ft.Name,
                ResolvedType = ListOf(target),
                Arguments = new QueryArguments(
                    new QueryArgument(new NonNullGraphType(new StringGraphType())) { Name = "text" },
                    new QueryArgument(new IntGraphType()) { Name = "first", DefaultValue = 100 },
                    new QueryArgument(new IntGraphType()) { Name = "skip", DefaultValue = 0 },
                    BlockArgument(),
                    new QueryArgument(new GraphQLTypeReference(target + "_filter")) { Name = "where" },
                    ErrorPolicyArgument()),
                Resolver = rootResolver,
            });
        }

        query.AddField(new GqlField
        {
            Name = "_meta",
            Description = "Access to subgraph metadata",
            ResolvedType = meta,
            Arguments = new QueryArguments(BlockArgument()),
            Resolver = metaResolver,
        });

        var result = new GqlSchema { Query = query, NameConverter = DefaultNameConverter.Instance };
        foreach (var t in types)
        {
            result.RegisterType(t);
        }

        var subgraphId = new Directive("subgraphId", GraphQLParser.AST.DirectiveLocation.Object)
        {
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(new StringGraphType())) { Name = "id" }),
        };
        var derived = new Directive("derivedFrom", GraphQLParser.AST.DirectiveLocation.FieldDefinition)
        {
            Description = "creates a virtual field on the entity that may be queried but cannot be set manually through the mappings API.",
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(new StringGraphType())) { Name = "field" }),
        };
        var entity = new Directive("entity", GraphQLParser.AST.DirectiveLocation.Object)
        {
            Description = "Marks the GraphQL type as indexable entity.  Each type that should be an entity is required to be annotated with this directive.",
        };
        result.Directives.Register(entity, subgraphId, derived);
        result.Initialize();
        return result;
    }

    private static QueryArgument BlockArgument() => new(new GraphQLTypeReference("Block_height"))
    {
        Name = "block",
        Description = "The block at which the query should be executed. Can either be a `{ hash: Bytes }` value containing a block hash, a `{ number: Int }` containing the block number, or a `{ number_gte: Int }` containing the minimum block number. In the case of `number_gte`, the query will be executed on the latest block only if the subgraph has progressed to or past the minimum block number. Defaults to the latest block when omitted.",
    };

    private static QueryArgument ErrorPolicyArgument() => new(new NonNullGraphType(new GraphQLTypeReference("_SubgraphErrorPolicy_")))
    {
        Name = "subgraphError",
        Description = "Set to `allow` to receive data even if the subgraph has skipped over errors while syncing.",
        DefaultValue = "deny",
    };

    private static QueryArguments CollectionArguments(string typeName, bool withBlock)
    {
        var args = new QueryArguments(
            new QueryArgument(new IntGraphType()) { Name = "skip", DefaultValue = 0 },
            new QueryArgument(new IntGraphType()) { Name = "first", DefaultValue = 100 },
            new QueryArgument(new GraphQLTypeReference(typeName + "_orderBy")) { Name = "orderBy" },
            new QueryArgument(new GraphQLTypeReference("OrderDirection")) { Name = "orderDirection" },
            new QueryArgument(new GraphQLTypeReference(typeName + "_filter")) { Name = "where" });
        if (withBlock)
        {
            args.Add(BlockArgument());
            args.Add(ErrorPolicyArgument());
        }

        return args;
    }

    private static NonNullGraphType ListOf(string typeName) =>
        new(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(typeName))));

    private static void AddFields(IComplexGraphType target, SubgraphSchema schema, SchemaObjectType type, bool withResolver)
    {
        foreach (var f in type.Fields)
        {
            var isEntity = f.BaseKind is FieldBaseKind.Entity or FieldBaseKind.Interface;
            target.AddField(new GqlField
            {
                Name = f.Name,
                Description = f.Description,
                ResolvedType = OutputType(f.Type, f.Name == "id" && type.IdType == IdType.String ? "ID" : null),
                Arguments = isEntity && f.IsList ? CollectionArguments(f.Type.BaseName, withBlock: false) : null,
                Resolver = withResolver ? RowResolver.Instance : null,
            });
        }
    }

    private static IGraphType OutputType(Subgraph.Schema.FieldType t, string? overrideName)
    {
        if (t.IsList)
        {
            var list = new ListGraphType(OutputType(t.ItemType!, null));
            return t.IsNonNull ? new NonNullGraphType(list) : list;
        }

        IGraphType named = NamedType(overrideName ?? t.Name!);
        return t.IsNonNull ? new NonNullGraphType(named) : named;
    }

    private static IGraphType NamedType(string name) => name switch
    {
        "ID" => new IdGraphType(),
        "String" => new StringGraphType(),
        "Int" => new IntGraphType(),
        "Boolean" => new BooleanGraphType(),
        "Float" => new FloatGraphType(),
        _ => new GraphQLTypeReference(name),
    };

    private static InputObjectGraphType FilterType(SubgraphSchema schema, SchemaObjectType type, Dictionary<string, IGraphType> scalars)
    {
        var filter = new InputObjectGraphType { Name = type.Name + "_filter" };
        foreach (var f in type.Fields)
        {
            var refId = ReferencedIdType(schema, f);
            var scalar = FilterOps.ScalarOf(f, refId);
            string valueTypeName = f.Name == "id" && type.IdType == IdType.String ? "ID"
                : f.BaseKind == FieldBaseKind.Enum ? f.Type.BaseName
                : scalar switch
                {
                    ScalarType.ID => "ID",
                    ScalarType.String => "String",
                    ScalarType.Int => "Int",
                    ScalarType.Boolean => "Boolean",
                    _ => scalar!.Value.ToString(),
                };
            foreach (var op in FilterOps.For(f, refId))
            {
                IGraphType value = NamedFilterType(valueTypeName, scalars);
                var isListValue = f.IsList || op is FilterOp.In or FilterOp.NotIn;
                var fieldType = isListValue ? new ListGraphType(new NonNullGraphType(value)) : value;
                filter.AddField(new GqlField { Name = f.Name + FilterOps.Suffix(op), ResolvedType = fieldType });
            }

            if (f.BaseKind is FieldBaseKind.Entity or FieldBaseKind.Interface)
            {
                filter.AddField(new GqlField { Name = f.Name + "_", ResolvedType = new GraphQLTypeReference(f.Type.BaseName + "_filter") });
            }
        }

        filter.AddField(new GqlField { Name = "_change_block", Description = "Filter for the block changed event.", ResolvedType = new GraphQLTypeReference("BlockChangedFilter") });
        filter.AddField(new GqlField { Name = "and", ResolvedType = new ListGraphType(new GraphQLTypeReference(type.Name + "_filter")) });
        filter.AddField(new GqlField { Name = "or", ResolvedType = new ListGraphType(new GraphQLTypeReference(type.Name + "_filter")) });
        return filter;
    }

    private static IGraphType NamedFilterType(string name, Dictionary<string, IGraphType> scalars) =>
        scalars.ContainsKey(name) ? new GraphQLTypeReference(name) : NamedType(name);

    internal static IdType? ReferencedIdType(SubgraphSchema schema, SchemaField f) => f.BaseKind switch
    {
        FieldBaseKind.Entity => schema.GetEntityType(f.Type.BaseName).IdType,
        FieldBaseKind.Interface => schema.GetInterface(f.Type.BaseName).IdType,
        _ => null,
    };

    private static EnumerationGraphType OrderByType(SubgraphSchema schema, SchemaObjectType type)
    {
        var e = new EnumerationGraphType { Name = type.Name + "_orderBy" };
        foreach (var f in type.Fields)
        {
            e.Add(f.Name, f.Name);
            if (f.IsList || f.BaseKind is not (FieldBaseKind.Entity or FieldBaseKind.Interface))
            {
                continue;
            }

            SchemaObjectType child = f.BaseKind == FieldBaseKind.Entity ? schema.GetEntityType(f.Type.BaseName) : schema.GetInterface(f.Type.BaseName);
            foreach (var c in child.Fields)
            {
                if (!c.IsList && !c.IsDerived && c.BaseKind is FieldBaseKind.Scalar or FieldBaseKind.Enum)
                {
                    e.Add(f.Name + "__" + c.Name, f.Name + "__" + c.Name);
                }
            }
        }

        return e;
    }
}
