using DePin.Index.Store.Layout;
using Npgsql;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// Runs a plan level by level: one statement for the root, then one per child field for all parents of the level at
/// once (no N+1), each at the same block, and wires the child rows into their parents.
/// </summary>
internal sealed class LevelExecutor(NpgsqlConnection connection, RelationalLayout layout, int block, RequestState state)
{
    public async Task<List<EntityRow>> RootAsync(LevelPlan plan, CancellationToken cancellationToken)
    {
        var rows = await RunAsync(plan, new Link.Root(), cancellationToken).ConfigureAwait(false);
        await ChildrenAsync(rows, plan, cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private async Task ChildrenAsync(List<EntityRow> rows, LevelPlan plan, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        foreach (var (typeName, sel) in plan.ByType)
        {
            if (sel.Children.Count == 0)
            {
                continue;
            }

            var parents = rows.Where(r => r.TypeName == typeName).ToList();
            if (parents.Count == 0)
            {
                continue;
            }

            foreach (var child in sel.Children)
            {
                var childRows = await ChildAsync(parents, child, sel.Table, cancellationToken).ConfigureAwait(false);
                await ChildrenAsync(childRows, child.Level, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<List<EntityRow>> ChildAsync(List<EntityRow> parents, ChildPlan child, Table parentTable, CancellationToken cancellationToken)
    {
        var key = child.Key;
        if (child.Stored is { IsList: false })
        {
            var ids = parents.Select(p => p.Links![key]).Where(v => v is not null).Cast<object>().DistinctBy(ValueCodec.Key).ToList();
            var found = ids.Count == 0 ? [] : await RunAsync(child.Level, new Link.ById(TypedArray(child.Stored.Type, ids)), cancellationToken).ConfigureAwait(false);
            var byId = found.ToDictionary(r => ValueCodec.Key(r.RawId), StringComparer.Ordinal);
            foreach (var p in parents)
            {
                p[key] = p.Links![key] is { } raw && byId.TryGetValue(ValueCodec.Key(raw), out var r) ? r : null;
            }

            return found;
        }

        var parentIds = TypedArray(parentTable.Id.Type, parents.Select(p => p.RawId).DistinctBy(ValueCodec.Key).ToList());
        Link link;
        if (child.Stored is { } list)
        {
            var pk = new List<object>();
            var ck = new List<object>();
            foreach (var p in parents)
            {
                if (p.Links![key] is Array arr)
                {
                    foreach (var v in arr)
                    {
                        if (v is not null)
                        {
                            pk.Add(p.RawId);
                            ck.Add(v);
                        }
                    }
                }
            }

            if (pk.Count == 0)
            {
                foreach (var p in parents)
                {
                    p[key] = p.Links![key] is null ? null : new List<EntityRow>();
                }

                return [];
            }

            link = new Link.StoredList(TypedArray(parentTable.Id.Type, pk), TypedArray(list.Type, ck));
        }
        else
        {
            link = new Link.Derived(parentIds, child.Field.DerivedFrom!);
        }

        var rows = await RunAsync(child.Level, link, cancellationToken).ConfigureAwait(false);
        var byParent = new Dictionary<string, List<EntityRow>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var pkey = ValueCodec.Key(r.Parent!);
            if (!byParent.TryGetValue(pkey, out var l))
            {
                byParent[pkey] = l = [];
            }

            l.Add(r);
        }

        foreach (var p in parents)
        {
            var mine = byParent.TryGetValue(ValueCodec.Key(p.RawId), out var l) ? l : [];
            if (child.Field.IsList)
            {
                p[key] = child.Stored is not null && p.Links![key] is null ? null : mine;
            }
            else
            {
                p[key] = mine.Count > 0 ? mine[0] : null;
            }
        }

        return rows;
    }

    private async Task<List<EntityRow>> RunAsync(LevelPlan plan, Link link, CancellationToken cancellationToken)
    {
        foreach (var t in plan.Target.Tables)
        {
            state.Read(t.EntityName);
        }

        var sb = new SqlBuilder(block);
        var shape = LevelSql.Build(sb, layout, plan, link);
        await using var cmd = new NpgsqlCommand(sb.ToString(), connection);
        cmd.Parameters.AddRange(sb.Parameters.ToArray());
        var rows = new List<EntityRow>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tables = plan.Target.Tables;
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var table = shape.TypeIndex >= 0 ? tables[r.GetInt32(shape.TypeIndex)] : tables[0];
            var row = new EntityRow(table.EntityName, ValueCodec.Raw(r, shape.IdIndex, table.Id)!);
            if (shape.ParentIndex >= 0)
            {
                row.Parent = r.GetValue(shape.ParentIndex);
            }

            foreach (var slot in shape.Slots[table.EntityName])
            {
                if (slot.IsLink)
                {
                    (row.Links ??= new Dictionary<string, object?>(StringComparer.Ordinal))[slot.Key] = ValueCodec.Raw(r, slot.Index, slot.Column);
                }
                else
                {
                    row[slot.Key] = ValueCodec.Decode(r, slot.Index, slot.Column);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    private static Array TypedArray(ColumnType type, List<object> values) => type switch
    {
        ColumnType.Bytes => values.Cast<byte[]>().ToArray(),
        ColumnType.Int8 => values.Cast<long>().ToArray(),
        _ => values.Cast<string>().ToArray(),
    };
}
