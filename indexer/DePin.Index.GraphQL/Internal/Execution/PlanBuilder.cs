using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Schema;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// Turns the selection below a root field into a <see cref="LevelPlan"/> tree: fields collected per concrete type
/// (fragments, inline fragments on interfaces, <c>@skip</c>/<c>@include</c>), arguments coerced by GraphQL.NET, and
/// the limits on <c>first</c>, <c>skip</c> and the estimated cost checked before any SQL runs.
/// </summary>
internal sealed class PlanBuilder(RelationalLayout layout, ISchema schema, GraphQLDocument document, Variables? variables, GraphQLOptions options)
{
    private long _cost;

    public LevelPlan Root(string typeName, IDictionary<string, ArgumentValue>? args, IEnumerable<GraphQLField> fields, bool isList, object? id,
        (FulltextDefinition, string)? fulltext)
    {
        var plan = Level(typeName, args, fields, isList, 1, "");
        plan = new LevelPlanWithArgs(plan).With(id, fulltext);
        return plan;
    }

    private LevelPlan Level(string typeName, IDictionary<string, ArgumentValue>? args, IEnumerable<GraphQLField> fields, bool isList, long parents, string path)
    {
        var target = Targets.Of(layout, typeName);
        int first = 1, skip = 0;
        string? orderBy = null;
        var desc = false;
        IDictionary<string, object?>? where = null;
        if (isList)
        {
            first = Arg<int?>(args, "first") ?? 100;
            skip = Arg<int?>(args, "skip") ?? 0;
            if (first < 0 || first > options.MaxFirst)
            {
                throw new QueryException($"The `first` argument must be between 0 and {options.MaxFirst}, but is {first}");
            }

            if (skip < 0 || skip > options.MaxSkip)
            {
                throw new QueryException($"The `skip` argument must be between 0 and {options.MaxSkip}, but is {skip}");
            }

            orderBy = Arg<string>(args, "orderBy");
            desc = Arg<string>(args, "orderDirection") == "desc";
            where = Arg<IDictionary<string, object?>>(args, "where");
        }

        var rows = parents * (isList ? Math.Max(first, 1) : 1);
        _cost += rows;
        if (_cost > options.MaxCost)
        {
            throw new QueryException($"The query is too expensive: it may return about {_cost} entities, more than the limit of {options.MaxCost}; use smaller `first` values or fewer nested lists");
        }

        var plan = new LevelPlan(target) { IsList = isList, First = first, Skip = skip, OrderBy = orderBy, Descending = desc, Where = where };
        var fieldList = fields as IReadOnlyCollection<GraphQLField> ?? fields.ToList();
        foreach (var table in target.Tables)
        {
            var sel = new TypeSelection(table);
            plan.ByType[table.EntityName] = sel;
            var collected = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
            foreach (var f in fieldList)
            {
                if (f.SelectionSet is not null)
                {
                    Collect(table.EntityType, f.SelectionSet, collected, []);
                }
            }

            var sawId = false;
            foreach (var (key, same) in collected)
            {
                var name = same[0].Name.StringValue;
                if (name.StartsWith("__", StringComparison.Ordinal))
                {
                    if (name == "__typename")
                    {
                        sel.Output.Add((key, true));
                    }

                    continue;
                }

                sel.Output.Add((key, false));

                if (!table.EntityType.TryGetField(name, out var field))
                {
                    throw new QueryException($"Type `{table.EntityName}` has no field `{name}`");
                }

                if (field.BaseKind is FieldBaseKind.Entity or FieldBaseKind.Interface)
                {
                    var def = ((IComplexGraphType)schema.AllTypes[table.EntityName]!).GetField(name)!;
                    var childArgs = ExecutionHelper.GetArguments(def.Arguments, same[0].Arguments, variables ?? Variables.None, document, same[0], null);
                    var childLevel = Level(field.Type.BaseName, childArgs, same, field.IsList, rows, path + "." + key);
                    sel.Children.Add(new ChildPlan(key, field, field.IsDerived ? null : table.ColumnForField(name), childLevel));
                }
                else
                {
                    sawId |= name == "id";
                    sel.Scalars.Add((key, table.ColumnForField(name) ?? throw new QueryException($"field `{name}` of `{table.EntityName}` is not stored")));
                }
            }
        }

        return plan;
    }

    private void Collect(EntityType concrete, GraphQLSelectionSet set, Dictionary<string, List<GraphQLField>> into, HashSet<string> fragments)
    {
        foreach (var selection in set.Selections)
        {
            if (selection is IHasDirectivesNode d && !Directives.Included(d, variables))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField f:
                    var key = f.Alias?.Name.StringValue ?? f.Name.StringValue;
                    if (!into.TryGetValue(key, out var list))
                    {
                        into[key] = list = [];
                    }

                    list.Add(f);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    var frag = Fragments.Find(document, name);
                    if (frag is not null && fragments.Add(name) && Applies(frag.TypeCondition.Type.Name.StringValue, concrete))
                    {
                        Collect(concrete, frag.SelectionSet, into, fragments);
                    }

                    fragments.Remove(name);
                    break;
                case GraphQLInlineFragment inline:
                    if (inline.TypeCondition is null || Applies(inline.TypeCondition.Type.Name.StringValue, concrete))
                    {
                        Collect(concrete, inline.SelectionSet, into, fragments);
                    }

                    break;
            }
        }
    }

    private static bool Applies(string typeCondition, EntityType concrete) =>
        typeCondition == concrete.Name || concrete.Interfaces.Contains(typeCondition);

    private static T? Arg<T>(IDictionary<string, ArgumentValue>? args, string name) =>
        args is not null && args.TryGetValue(name, out var v) && v.Value is T t ? t : default;

    /// <summary>Copies a root plan with the singular id or the fulltext search added.</summary>
    private sealed class LevelPlanWithArgs(LevelPlan plan)
    {
        public LevelPlan With(object? id, (FulltextDefinition, string)? fulltext)
        {
            if (id is null && fulltext is null)
            {
                return plan;
            }

            var copy = new LevelPlan(plan.Target)
            {
                IsList = plan.IsList,
                First = plan.First,
                Skip = plan.Skip,
                OrderBy = plan.OrderBy,
                Descending = plan.Descending,
                Where = plan.Where,
                IdEquals = id,
                Fulltext = fulltext,
            };
            foreach (var (k, v) in plan.ByType)
            {
                copy.ByType[k] = v;
            }

            return copy;
        }
    }
}
