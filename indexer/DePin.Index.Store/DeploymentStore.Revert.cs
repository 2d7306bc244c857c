using DePin.Index.Store.Internal;
using Npgsql;

namespace DePin.Index.Store;

public sealed partial class DeploymentStore
{
    /// <summary>
    /// Undoes every block after <paramref name="ancestor"/> in one transaction: deletes the versions created
    /// after it, reopens the versions closed after it, deletes the data sources and proof-of-indexing
    /// digests of later blocks, sets the cursor to the ancestor and clears a fatal error of a later block.
    /// Afterwards the deployment is exactly as if it had never seen those blocks.
    /// </summary>
    /// <exception cref="StoreException">when the ancestor is not below the head, or its history was pruned.</exception>
    public async Task<RevertResult> RevertAsync(BlockPtr ancestor, CancellationToken cancellationToken = default)
    {
        var a = ancestor.Number;
        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (latest, earliest) = await StatusReader.LockAsync(conn, tx, DeploymentId, cancellationToken).ConfigureAwait(false);
        if (latest is not { } head || a >= head)
        {
            throw new StoreException($"deployment {DeploymentId}: cannot revert to block {a}: the head is {(latest is null ? "empty" : "block " + latest)}");
        }

        if (a < earliest)
        {
            throw new StoreException($"deployment {DeploymentId}: cannot revert to block {a}: history before block {earliest} was pruned");
        }

        long deleted = 0, reopened = 0, delta = 0;
        foreach (var table in Layout.Tables)
        {
            // Delete first, then reopen: the reopened versions must not meet the later ones in the version constraint.
            var (removed, removedOpen) = await CountTwoAsync(conn, tx, table.Immutable
                ? $"with d as (delete from {table.QualifiedName} where block$ > $1 returning 1) select count(*), count(*) from d"
                : $"""
                    with d as (delete from {table.QualifiedName} where lower(block_range) > $1 returning upper_inf(block_range) as open)
                    select count(*), count(*) filter (where open) from d
                    """, a, cancellationToken).ConfigureAwait(false);
            var reopenedHere = table.Immutable ? 0 : await Sql.ExecuteAsync(conn, tx, $"""
                update {table.QualifiedName} set block_range = int4range(lower(block_range), null)
                where coalesce(upper(block_range), 2147483647) > $1 and coalesce(upper(block_range), 2147483647) < 2147483647
                  and lower(block_range) <= $1
                """, cancellationToken, Sql.P(a)).ConfigureAwait(false);
            deleted += removed;
            reopened += reopenedHere;
            delta += reopenedHere - removedOpen;
        }

        await Sql.ExecuteAsync(conn, tx, "delete from subgraphs.dynamic_data_source where deployment = $1 and block_number > $2", cancellationToken,
            Sql.P(DeploymentId), Sql.P(a)).ConfigureAwait(false);
        await Sql.ExecuteAsync(conn, tx, "delete from subgraphs.poi where deployment = $1 and block_number > $2", cancellationToken,
            Sql.P(DeploymentId), Sql.P(a)).ConfigureAwait(false);
        await Sql.ExecuteAsync(conn, tx, """
            update subgraphs.deployment set
                latest_block_number = $2, latest_block_hash = $3, entity_count = entity_count + $4,
                reorg_count = reorg_count + 1, max_reorg_depth = greatest(max_reorg_depth, latest_block_number - $2),
                health = case when fatal_error_block > $2 then 'healthy' else health end,
                fatal_error_message = case when fatal_error_block > $2 then null else fatal_error_message end,
                fatal_error_block_hash = case when fatal_error_block > $2 then null else fatal_error_block_hash end,
                fatal_error_handler = case when fatal_error_block > $2 then null else fatal_error_handler end,
                fatal_error_block = case when fatal_error_block > $2 then null else fatal_error_block end
            where id = $1
            """, cancellationToken,
            Sql.P(DeploymentId), Sql.P(a), Sql.P(ancestor.Hash.ToArray()), Sql.P(delta)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RevertResult(deleted, reopened, delta);
    }

    /// <summary>
    /// Deletes the history no query needs any more: versions that ended at or before
    /// <c>head − historyBlocks</c>, which becomes the earliest readable block. The reorg window is never
    /// touched: <paramref name="historyBlocks"/> must exceed <paramref name="reorgThreshold"/>, so every block
    /// a revert may go back to keeps its full state. Immutable entities are never pruned (they stay visible).
    /// </summary>
    /// <param name="historyBlocks">How many blocks of history to keep below the head (graph-node's <c>history_blocks</c>).</param>
    /// <param name="reorgThreshold">The deepest revert the chain may need (default 250, as graph-node).</param>
    public async Task<PruneResult> PruneAsync(int historyBlocks, int reorgThreshold = 250, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reorgThreshold);
        if (historyBlocks <= reorgThreshold)
        {
            throw new StoreException($"history of {historyBlocks} blocks would reach into the reorg threshold of {reorgThreshold} blocks; keep more");
        }

        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (latest, earliest) = await StatusReader.LockAsync(conn, tx, DeploymentId, cancellationToken).ConfigureAwait(false);
        var target = latest is { } head ? head - historyBlocks : int.MinValue;
        if (target <= earliest)
        {
            return new PruneResult(earliest, 0);
        }

        long deleted = 0;
        foreach (var table in Layout.Tables.Where(t => !t.Immutable))
        {
            deleted += await Sql.ExecuteAsync(conn, tx,
                $"delete from {table.QualifiedName} where coalesce(upper(block_range), 2147483647) <= $1", cancellationToken, Sql.P(target))
                .ConfigureAwait(false);
        }

        await Sql.ExecuteAsync(conn, tx, "update subgraphs.deployment set earliest_block = $2 where id = $1", cancellationToken,
            Sql.P(DeploymentId), Sql.P(target)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PruneResult(target, deleted);
    }

    private static async Task<(long, long)> CountTwoAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, int block,
        CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.Parameters.Add(Sql.P(block));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await r.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (r.GetInt64(0), r.GetInt64(1));
    }
}
