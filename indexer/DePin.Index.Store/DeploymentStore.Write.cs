using DePin.Index.Store.Internal;
using DePin.Index.Store.Layout;
using Npgsql;

namespace DePin.Index.Store;

public sealed partial class DeploymentStore
{
    /// <summary>
    /// Commits a batch in ONE transaction: for each table, closes the open versions the batch replaces
    /// or removes (one set-based UPDATE), inserts the new versions (one binary COPY), then stores the
    /// proof-of-indexing digests and dynamic data sources and moves the cursor to <see cref="WriteBatch.Cursor"/>.
    /// Either all of it is committed or none of it.
    /// </summary>
    /// <exception cref="StoreException">for bad input (unknown type or field, wrong value kind, update of an
    /// immutable entity, a block at or below the current head or above the cursor, blocks out of order) or a
    /// database error such as inserting an entity that already exists; nothing is written then.</exception>
    public async Task<WriteResult> WriteAsync(WriteBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(batch.Modifications);
        var plans = VersionPlanner.Plan(Layout, batch.Modifications);
        CheckBlocks(batch);

        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (latest, _) = await StatusReader.LockAsync(conn, tx, DeploymentId, cancellationToken).ConfigureAwait(false);
        var lowest = LowestBlock(batch);
        if (latest is { } head && lowest <= head)
        {
            throw new StoreException(
                $"deployment {DeploymentId}: the batch writes block {lowest}, but block {head} is committed already; blocks must be above the head");
        }

        int inserted = 0, closed = 0;
        long delta = 0;
        try
        {
            foreach (var plan in plans)
            {
                var c = plan.Table.Immutable ? 0 : await CloseAsync(conn, tx, plan, cancellationToken).ConfigureAwait(false);
                var n = await InsertAsync(conn, tx, plan, cancellationToken).ConfigureAwait(false);
                closed += c;
                inserted += n;
                delta += (plan.Table.Immutable ? n : plan.OpenRows) - c;
            }

            await MetadataWriter.WritePoisAsync(conn, tx, DeploymentId, batch.Pois, cancellationToken).ConfigureAwait(false);
            await MetadataWriter.WriteDataSourcesAsync(conn, tx, DeploymentId, batch.DataSources, cancellationToken).ConfigureAwait(false);
            await Sql.ExecuteAsync(conn, tx, """
                update subgraphs.deployment set latest_block_number = $2, latest_block_hash = $3, entity_count = entity_count + $4
                where id = $1
                """, cancellationToken,
                Sql.P(DeploymentId), Sql.P(batch.Cursor.Number), Sql.P(batch.Cursor.Hash.ToArray()), Sql.P(delta)).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new StoreException($"deployment {DeploymentId}: writing blocks {lowest}..{batch.Cursor.Number} failed: {Describe(e)}", e);
        }

        return new WriteResult(inserted, closed, delta);
    }

    private static void CheckBlocks(WriteBatch batch)
    {
        var cursor = batch.Cursor.Number;
        if (cursor < 0)
        {
            throw new StoreException($"the cursor block {cursor} is negative");
        }

        foreach (var b in batch.Modifications.Select(m => m.Block)
                     .Concat(batch.Pois.Select(p => p.Block))
                     .Concat(batch.DataSources.Select(d => d.Block)))
        {
            if (b > cursor || b < 0)
            {
                throw new StoreException($"the batch has a change at block {b}, outside 0..{cursor} (the cursor)");
            }
        }
    }

    private static int LowestBlock(WriteBatch batch)
    {
        var lowest = batch.Cursor.Number;
        foreach (var m in batch.Modifications)
        {
            lowest = Math.Min(lowest, m.Block);
        }

        foreach (var p in batch.Pois)
        {
            lowest = Math.Min(lowest, p.Block);
        }

        foreach (var d in batch.DataSources)
        {
            lowest = Math.Min(lowest, d.Block);
        }

        return lowest;
    }

    /// <summary>Closes, in one statement, the open versions of the entities the batch overwrites or removes first.</summary>
    private static async Task<int> CloseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, TablePlan plan, CancellationToken cancellationToken)
    {
        if (plan.CloseIds.Count == 0)
        {
            return 0;
        }

        var t = plan.Table;
        await using var cmd = new NpgsqlCommand($"""
            update {t.QualifiedName} as t set block_range = int4range(lower(t.block_range), c.block)
            from unnest($1::{IdCodec.SqlArrayType(t.IdType)}, $2::int4[]) as c(id, block)
            where t.id = c.id and upper_inf(t.block_range)
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = IdCodec.ToDbArray(t.IdType, t.EntityName, plan.CloseIds) });
        cmd.Parameters.Add(Sql.P(plan.CloseBlocks.ToArray()));
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts the new versions with binary COPY (through a staging table for skipDuplicates types); returns rows inserted.</summary>
    private static async Task<int> InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, TablePlan plan, CancellationToken cancellationToken)
    {
        if (plan.Rows.Count == 0)
        {
            return 0;
        }

        var t = plan.Table;
        if (!t.SkipDuplicates)
        {
            await RowCopier.CopyAsync(conn, t, plan.Rows, t.QualifiedName, cancellationToken).ConfigureAwait(false);
            return plan.Rows.Count;
        }

        var stage = SqlName.Quote("stage_" + t.Name);
        await Sql.ExecuteAsync(conn, tx, $"create temp table {stage} (like {t.QualifiedName}) on commit drop", cancellationToken).ConfigureAwait(false);
        await RowCopier.CopyAsync(conn, t, plan.Rows, stage, cancellationToken).ConfigureAwait(false);
        var columns = "vid, block$, " + string.Join(", ", t.DataColumns.Select(c => c.Quoted));
        var n = await Sql.ExecuteAsync(conn, tx,
            $"insert into {t.QualifiedName} ({columns}) select {columns} from {stage} on conflict (id) do nothing; drop table {stage}",
            cancellationToken).ConfigureAwait(false);
        return n;
    }

    private static string Describe(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.ExclusionViolation =>
            $"an entity version overlaps an existing one (an Insert of an entity that exists, or a write below the head) in {e.TableName}: {e.Detail}",
        PostgresErrorCodes.UniqueViolation when e.ConstraintName?.EndsWith("_id_open", StringComparison.Ordinal) == true =>
            $"an entity gets a second open version (an Insert of an entity that exists) in {e.TableName}: {e.Detail}",
        PostgresErrorCodes.UniqueViolation => $"a duplicate id in {e.TableName} (immutable entities can be inserted once): {e.Detail}",
        _ => $"{e.MessageText} ({e.SqlState}{(e.TableName is null ? "" : ", table " + e.TableName)})",
    };
}
