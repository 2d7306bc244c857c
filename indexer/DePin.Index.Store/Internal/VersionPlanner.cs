using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store.Internal;

/// <summary>
/// Collapses a batch's modifications into versions, per table (pure). For each entity, walking its
/// changes in block order: the first Overwrite/Remove closes the version that existed before the batch;
/// changes in the same block replace each other (the last wins, a Remove after a set in the same block
/// leaves no version at that block); a change at a later block ends the previous version there. So each
/// block in which an entity changed gets exactly one version, and time travel sees every block's state.
/// Vids are <c>(block &lt;&lt; 32) + seq</c>, seq counting a table's new versions per block in batch order.
/// </summary>
internal static class VersionPlanner
{
    private const int Open = int.MaxValue;

    internal static IReadOnlyList<TablePlan> Plan(RelationalLayout layout, IReadOnlyList<EntityModification> modifications)
    {
        var plans = new Dictionary<string, (TablePlan Plan, Dictionary<string, EntityState> States, List<Pending> Rows)>(StringComparer.Ordinal);
        var previousBlock = int.MinValue;
        for (var i = 0; i < modifications.Count; i++)
        {
            var m = modifications[i] ?? throw new StoreException($"modification #{i} is null");
            if (m.Block < previousBlock)
            {
                throw new StoreException($"modifications must be in block order: {m.EntityType} '{m.Id}' at block {m.Block} comes after block {previousBlock}");
            }

            previousBlock = m.Block;
            if (!plans.TryGetValue(m.EntityType, out var p))
            {
                p = (new TablePlan(layout.GetTable(m.EntityType)), new Dictionary<string, EntityState>(StringComparer.Ordinal), []);
                plans.Add(m.EntityType, p);
            }

            Apply(p.Plan, p.States, p.Rows, m);
        }

        var result = new List<TablePlan>(plans.Count);
        foreach (var (plan, _, rows) in plans.Values)
        {
            var seq = 0L;
            var block = -1;
            foreach (var row in rows.Where(r => !r.Dropped))
            {
                seq = row.Start == block ? seq + 1 : 0;
                block = row.Start;
                plan.Rows.Add(new VersionRow(row.Id, row.Entity, row.Start, row.End, ((long)row.Start << 32) + seq));
                if (row.End == Open)
                {
                    plan.OpenRows++;
                }
            }

            result.Add(plan);
        }

        return result;
    }

    private static void Apply(TablePlan plan, Dictionary<string, EntityState> states, List<Pending> rows, EntityModification m)
    {
        var table = plan.Table;
        if (m.Block < 0)
        {
            throw new StoreException($"{m.EntityType} '{m.Id}': block {m.Block} is negative");
        }

        if (m.Kind != ModificationKind.Remove && m.Entity is null)
        {
            throw new StoreException($"{m.Kind} of {m.EntityType} '{m.Id}' at block {m.Block} carries no entity");
        }

        var id = IdCodec.Canonical(table.IdType, m.EntityType, m.Id ?? throw new StoreException($"{m.EntityType}: a modification at block {m.Block} has no id"));
        var known = states.TryGetValue(id, out var existing);
        var state = existing ?? new EntityState();
        if (!known)
        {
            states.Add(id, state);
        }

        if (table.Immutable)
        {
            ApplyImmutable(table, rows, state, id, m);
            return;
        }

        var current = state.Current;
        if (!known && m.Kind != ModificationKind.Insert)
        {
            plan.CloseIds.Add(id);
            plan.CloseBlocks.Add(m.Block);
        }

        if (m.Kind == ModificationKind.Remove)
        {
            if (current is not null)
            {
                if (current.Start == m.Block)
                {
                    current.Dropped = true;
                }
                else
                {
                    current.End = m.Block;
                }

                state.Current = null;
            }

            return;
        }

        if (current is not null && current.Start == m.Block)
        {
            current.Entity = m.Entity!;
            return;
        }

        if (current is not null)
        {
            if (m.Kind == ModificationKind.Insert)
            {
                throw new StoreException(
                    $"Insert of {m.EntityType} '{m.Id}' at block {m.Block}, but it exists since block {current.Start} of the same batch; use Overwrite");
            }

            current.End = m.Block;
        }

        var row = new Pending(id, m.Entity!, m.Block);
        rows.Add(row);
        state.Current = row;
    }

    private static void ApplyImmutable(Table table, List<Pending> rows, EntityState state, string id, EntityModification m)
    {
        if (m.Kind != ModificationKind.Insert)
        {
            var verb = m.Kind == ModificationKind.Remove ? "removed" : "updated";
            throw new StoreException($"entity type {table.EntityName} is immutable: {table.EntityName} '{m.Id}' can not be {verb} (block {m.Block})");
        }

        var current = state.Current;
        if (current is null)
        {
            var row = new Pending(id, m.Entity!, m.Block);
            rows.Add(row);
            state.Current = row;
        }
        else if (current.Start == m.Block)
        {
            current.Entity = m.Entity!;
        }
        else if (!table.SkipDuplicates)
        {
            throw new StoreException(
                $"entity type {table.EntityName} is immutable: {table.EntityName} '{m.Id}' was inserted at block {current.Start} and again at block {m.Block}");
        }
    }

    private sealed class EntityState
    {
        public Pending? Current { get; set; }
    }

    private sealed class Pending(string id, Entity entity, int start)
    {
        public string Id { get; } = id;

        public Entity Entity { get; set; } = entity;

        public int Start { get; } = start;

        public int End { get; set; } = Open;

        public bool Dropped { get; set; }
    }
}
