using System.Diagnostics;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Store.Internal;
using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Values;
using Npgsql;

namespace DePin.Index.Store.Benchmarks;

/// <summary>Throughput and size measurements of the store against a live PostgreSQL.</summary>
public static class StoreBenchmarks
{
    /// <summary>
    /// Creates a throwaway deployment of <paramref name="schemaText"/>, writes about <paramref name="versions"/>
    /// entity changes of a <see cref="SyntheticWorkload"/> (seed 1) through <see cref="DeploymentStore.WriteAsync"/> in
    /// batches of <paramref name="blocksPerBatch"/> blocks of <paramref name="eventsPerBlock"/> events (each event:
    /// one immutable insert and three mutable sets; POI digests included), then measures the tables and indexes
    /// against the raw bytes of the rows, and removes the deployment. Only the write calls are timed.
    /// </summary>
    public static async Task<StoreBenchmarkResult> WriteEntitiesPerSecondAsync(string connectionString, string schemaText,
        int versions = 300_000, int blocksPerBatch = 100, int eventsPerBlock = 25, DdlOptions? ddlOptions = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(schemaText);
        ArgumentOutOfRangeException.ThrowIfLessThan(versions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocksPerBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(eventsPerBlock, 1);
        await using var store = await SubgraphStore.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        var id = "QmBench" + string.Concat(Enumerable.Range(0, 39).Select(_ => "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"[Random.Shared.Next(58)]));
        var deployment = await store.CreateDeploymentAsync(new DeploymentSpec(id, schemaText, "", "bench"), ddlOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            var workload = new SyntheticWorkload(deployment.Layout, seed: 1);
            var clock = new Stopwatch();
            long changes = 0, inserted = 0, closed = 0, raw = 0;
            var batches = 0;
            var block = 0;
            var poi = Hash32.Zero;
            while (changes < versions)
            {
                var mods = new List<EntityModification>();
                for (var i = 0; i < blocksPerBatch && changes + mods.Count < versions; i++)
                {
                    mods.AddRange(workload.Block(++block, eventsPerBlock));
                }

                var pois = ProofOfIndexing.Digests(poi, mods);
                poi = pois.Count > 0 ? pois[^1].Digest : poi;
                raw += RawBytes(VersionPlanner.Plan(deployment.Layout, mods));
                var batch = new WriteBatch(new BlockPtr(block, Hash32.Of(block.ToString(System.Globalization.CultureInfo.InvariantCulture))), mods) { Pois = pois };
                clock.Start();
                var result = await deployment.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                clock.Stop();
                changes += mods.Count;
                inserted += result.RowsInserted;
                closed += result.RowsClosed;
                batches++;
            }

            var (heap, index) = await SizesAsync(store, deployment.Layout, cancellationToken).ConfigureAwait(false);
            await VacuumFullAsync(store, deployment.Layout, cancellationToken).ConfigureAwait(false);
            var (compactHeap, compactIndex) = await SizesAsync(store, deployment.Layout, cancellationToken).ConfigureAwait(false);
            return new StoreBenchmarkResult(changes, inserted, closed, batches, clock.Elapsed, raw, heap, index, compactHeap, compactIndex);
        }
        finally
        {
            await store.RemoveDeploymentAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task VacuumFullAsync(SubgraphStore store, RelationalLayout layout, CancellationToken cancellationToken)
    {
        await using var conn = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in layout.Tables)
        {
            await Sql.ExecuteAsync(conn, null, $"vacuum full {table.QualifiedName}", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(long Heap, long Index)> SizesAsync(SubgraphStore store, RelationalLayout layout, CancellationToken cancellationToken)
    {
        await using var conn = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand("""
            select coalesce(sum(pg_table_size(c.oid)), 0)::bigint, coalesce(sum(pg_indexes_size(c.oid)), 0)::bigint
            from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r'
            """, conn);
        cmd.Parameters.Add(Sql.P(layout.SchemaName));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await r.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>The raw bytes of the rows a batch inserts (see <see cref="StoreBenchmarkResult.RawBytes"/>).</summary>
    internal static long RawBytes(IReadOnlyList<TablePlan> plans)
    {
        long total = 0;
        foreach (var plan in plans)
        {
            var versionBytes = plan.Table.Immutable ? 8 + 4 : 8 + 8;
            foreach (var row in plan.Rows)
            {
                total += versionBytes + IdBytes(plan.Table, row.Id);
                foreach (var (name, value) in row.Entity)
                {
                    if (name != "id")
                    {
                        total += ValueBytes(value);
                    }
                }
            }
        }

        return total;
    }

    private static long IdBytes(Table table, string id) => IdCodec.ToDb(table.IdType, table.EntityName, id) switch
    {
        byte[] b => b.Length,
        long => 8,
        var s => System.Text.Encoding.UTF8.GetByteCount((string)s),
    };

    private static long ValueBytes(Value v) => v.Kind switch
    {
        ValueKind.String => System.Text.Encoding.UTF8.GetByteCount(v.AsString()),
        ValueKind.Bytes => v.AsBytes().Length,
        ValueKind.Int => 4,
        ValueKind.Int8 or ValueKind.Timestamp => 8,
        ValueKind.Bool => 1,
        ValueKind.BigInt => v.AsBigInt().GetByteCount(),
        ValueKind.BigDecimal => v.AsBigDecimal().Digits.GetByteCount() + 2,
        ValueKind.Array => v.AsArray().Sum(ValueBytes),
        _ => 0,
    };
}
