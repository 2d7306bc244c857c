using System.Globalization;
using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Schema;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// The one statement of a selection level (graph-node's <c>FilterQuery</c>): a select per table (a <c>union all</c> for
/// interfaces, each branch ordered and limited before the outer order and limit), the block condition on every table,
/// the filter, the order with <c>id</c> as tie-breaker, and for children a lateral join over the parent ids so every
/// parent gets its own <c>first</c>/<c>skip</c> in the same statement.
/// </summary>
internal static class LevelSql
{
    public static LevelShape Build(SqlBuilder sb, RelationalLayout layout, LevelPlan plan, Link link)
    {
        var shape = new LevelShape();
        var lateral = link is Link.Derived or Link.StoredList;
        var offset = lateral ? 1 : 0;
        var union = plan.Target.IsUnion;
        var tables = plan.Target.Tables;
        var limited = plan.IsList || link is Link.Root;
        var paging = link is not Link.ById;

        // Result columns: [__p] [__t] __id [__o] slots…
        var index = offset;
        if (union)
        {
            shape.TypeIndex = index++;
        }

        shape.IdIndex = index++;
        var orderOf = tables.ToDictionary(t => t.EntityName, t => paging ? OrderExpression(sb, layout, t, "c", plan) : null, StringComparer.Ordinal);
        var ordered = orderOf.Values.Any(o => o is not null);
        if (union && ordered)
        {
            index++;
        }

        var slotsInOrder = new List<(Table Table, LevelShape.Slot Slot)>();
        foreach (var t in tables)
        {
            var sel = plan.ByType[t.EntityName];
            var list = new List<LevelShape.Slot>();
            foreach (var (key, col) in sel.Scalars)
            {
                list.Add(new LevelShape.Slot(key, col, index++, false));
            }

            foreach (var child in sel.Children.Where(c => c.Stored is not null))
            {
                list.Add(new LevelShape.Slot(child.Key, child.Stored!, index++, true));
            }

            shape.Slots[t.EntityName] = list;
            slotsInOrder.AddRange(list.Select(s => (t, s)));
        }

        if (lateral)
        {
            shape.ParentIndex = 0;
        }

        var dir = plan.Descending ? "desc" : "asc";
        var branches = new List<string>();
        for (var ti = 0; ti < tables.Count; ti++)
        {
            var t = tables[ti];
            var cols = new List<string>();
            if (union)
            {
                cols.Add(ti.ToString(CultureInfo.InvariantCulture) + " as \"__t\"");
            }

            cols.Add("c.\"id\" as \"__id\"");
            if (union && ordered)
            {
                cols.Add((orderOf[t.EntityName] ?? "null") + " as \"__o\"");
            }

            var n = 0;
            foreach (var (owner, slot) in slotsInOrder)
            {
                var expr = owner == t ? (slot.IsLink ? $"c.{slot.Column.Quoted}" : ValueCodec.ReadSql(slot.Column, "c")) : ValueCodec.NullSql(slot.Column);
                cols.Add($"{expr} as \"s{n++}\"");
            }

            var where = new List<string> { FilterSql.BlockCondition(t, "c") };
            where.Add(LinkCondition(sb, t, link, plan));
            if (plan.IdEquals is { } id)
            {
                var (v, cast) = ValueCodec.Encode(t.Id.Type, id, "id");
                where.Add($"c.\"id\" = {sb.Param(v, cast)}");
            }

            if (plan.Fulltext is { } ft)
            {
                var col = t.Columns.FirstOrDefault(c => c.IsFulltext && c.Field == ft.Definition.Name)
                    ?? throw new QueryException($"`{t.EntityName}` is not part of the fulltext search `{ft.Definition.Name}`");
                where.Add($"c.{col.Quoted} @@ to_tsquery({Config(ft.Definition.Language)}, {sb.Param(ft.Text)})");
            }

            where.Add(FilterSql.Build(sb, layout, t, "c", plan.Where, "where"));
            var branch = $"select {string.Join(", ", cols)} from {t.QualifiedName} c where {string.Join(" and ", where.Where(w => w != "true"))}";
            if (paging && limited)
            {
                var order = orderOf[t.EntityName];
                var orderSql = order is null ? $"c.\"id\" {dir}" : $"{order} {dir}, c.\"id\" {dir}";
                if (plan.Fulltext is not null && plan.OrderBy is null)
                {
                    orderSql = $"{order} desc, c.\"id\" asc";
                }

                if (union)
                {
                    branch = $"({branch} order by {orderSql} limit {sb.Param(plan.First + plan.Skip)})";
                }
                else
                {
                    branch += $" order by {orderSql} limit {sb.Param(plan.First)} offset {sb.Param(plan.Skip)}";
                }
            }

            branches.Add(branch);
        }

        string inner;
        if (union)
        {
            inner = $"select * from ({string.Join(" union all ", branches)}) u";
            if (paging && limited)
            {
                var odir = plan.Fulltext is not null && plan.OrderBy is null ? "desc" : dir;
                var order = ordered ? $"u.\"__o\" {odir}, u.\"__id\" {(plan.Fulltext is not null && plan.OrderBy is null ? "asc" : dir)}" : $"u.\"__id\" {dir}";
                inner += $" order by {order} limit {sb.Param(plan.First)} offset {sb.Param(plan.Skip)}";
            }
        }
        else
        {
            inner = branches[0];
        }

        switch (link)
        {
            case Link.Derived d:
                sb.Append($"select p.k as \"__p\", u.* from unnest({sb.Param(d.ParentIds)}) p(k) cross join lateral ({inner}) u");
                break;
            case Link.StoredList s:
                sb.Append($"select p.k as \"__p\", u.* from (select z.k, array_agg(z.v) as ids from unnest({sb.Param(s.ParentIds)}, {sb.Param(s.ChildIds)}) z(k, v) group by z.k) p cross join lateral ({inner}) u");
                break;
            default:
                sb.Append(inner);
                break;
        }

        return shape;
    }

    private static string LinkCondition(SqlBuilder sb, Table t, Link link, LevelPlan plan) => link switch
    {
        Link.ById b => $"c.\"id\" = any({sb.Param(b.Ids)})",
        Link.Derived d => t.ColumnForField(d.BackField) is { } back
            ? (back.IsList ? $"p.k = any(c.{back.Quoted})" : $"c.{back.Quoted} = p.k")
            : throw new QueryException($"`{t.EntityName}` has no stored field `{d.BackField}` (@derivedFrom of `{plan.Target.Type.Name}`)"),
        Link.StoredList => "c.\"id\" = any(p.ids)",
        _ => "true",
    };

    private static string? OrderExpression(SqlBuilder sb, RelationalLayout layout, Table t, string alias, LevelPlan plan)
    {
        if (plan.Fulltext is { } ft && plan.OrderBy is null)
        {
            var col = t.Columns.First(c => c.IsFulltext && c.Field == ft.Definition.Name);
            var fn = ft.Definition.Algorithm == "proximityRank" ? "ts_rank_cd" : "ts_rank";
            return $"{fn}({alias}.{col.Quoted}, to_tsquery({Config(ft.Definition.Language)}, {sb.Param(ft.Text)}))";
        }

        if (plan.OrderBy is not { } orderBy)
        {
            return null;
        }

        var type = t.EntityType;
        var split = orderBy.IndexOf("__", StringComparison.Ordinal);
        if (split > 0 && !type.HasField(orderBy))
        {
            var parentName = orderBy[..split];
            var childName = orderBy[(split + 2)..];
            var parent = type.TryGetField(parentName, out var pf) ? pf : throw new QueryException($"can not order by `{orderBy}`: no field `{parentName}`");
            if (pf.IsList || pf.IsDerived || pf.BaseKind != FieldBaseKind.Entity)
            {
                throw new QueryException($"can not order by `{orderBy}`: `{parentName}` must be a single, stored reference to an entity type");
            }

            var childTable = layout.GetTable(pf.Type.BaseName);
            var childCol = childTable.ColumnForField(childName) ?? throw new QueryException($"can not order by `{orderBy}`: `{childTable.EntityName}` has no stored field `{childName}`");
            var refCol = t.ColumnForField(parent.Name)!;
            var x = sb.NewAlias();
            return $"(select {x}.{childCol.Quoted} from {childTable.QualifiedName} {x} where {x}.\"id\" = {alias}.{refCol.Quoted} and {FilterSql.BlockCondition(childTable, x)} limit 1)";
        }

        var f = type.TryGetField(orderBy, out var field) ? field : throw new QueryException($"can not order by `{orderBy}`: `{type.Name}` has no such field");
        if (f.IsList || f.IsDerived)
        {
            throw new QueryException($"can not order by `{orderBy}`: ordering by list or derived fields is not supported");
        }

        return $"{alias}.{t.ColumnForField(orderBy)!.Quoted}";
    }

    /// <summary>The text search configuration the store built the column's tsvector with.</summary>
    private static string Config(string language) => "'" + DdlGenerator.FulltextConfig(language) + "'::regconfig";
}
