using DePin.Index.Ethereum.Primitives;
using Npgsql;

namespace DePin.Index.Store.Internal;

/// <summary>Reads a <c>subgraphs.deployment</c> row.</summary>
internal static class StatusReader
{
    internal static async Task<DeploymentStatus?> ReadAsync(NpgsqlConnection conn, string deploymentId, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("""
            select id, name, schema_name, network, start_block, latest_block_number, latest_block_hash, earliest_block,
                   synced, synced_at, health, fatal_error_message, fatal_error_block, fatal_error_block_hash, fatal_error_handler,
                   entity_count, reorg_count, max_reorg_depth, indexes_postponed, created_at
            from subgraphs.deployment where id = $1
            """, conn);
        cmd.Parameters.Add(Sql.P(deploymentId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new DeploymentStatus
        {
            Id = r.GetString(0),
            Name = r.IsDBNull(1) ? null : r.GetString(1),
            SchemaName = r.GetString(2),
            Network = r.GetString(3),
            StartBlock = r.GetInt32(4),
            LatestBlock = r.IsDBNull(5) ? null : new BlockPtr(r.GetInt32(5), new Hash32(r.GetFieldValue<byte[]>(6))),
            EarliestBlock = r.GetInt32(7),
            Synced = r.GetBoolean(8),
            SyncedAt = r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9),
            Health = Enum.Parse<DeploymentHealth>(r.GetString(10), ignoreCase: true),
            FatalError = r.IsDBNull(11)
                ? null
                : new FatalError(r.GetString(11), r.GetInt32(12), r.IsDBNull(13) ? null : new Hash32(r.GetFieldValue<byte[]>(13)),
                    r.IsDBNull(14) ? null : r.GetString(14)),
            EntityCount = r.GetInt64(15),
            ReorgCount = r.GetInt32(16),
            MaxReorgDepth = r.GetInt32(17),
            IndexesPostponed = r.GetBoolean(18),
            CreatedAt = r.GetFieldValue<DateTimeOffset>(19),
        };
    }

    /// <summary>Locks the deployment row for the transaction and returns (latest block or null, earliest block).</summary>
    internal static async Task<(int? Latest, int Earliest)> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string deploymentId,
        CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            "select latest_block_number, earliest_block from subgraphs.deployment where id = $1 for update", conn, tx);
        cmd.Parameters.Add(Sql.P(deploymentId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new StoreException($"deployment {deploymentId} does not exist (removed?)");
        }

        return (r.IsDBNull(0) ? null : r.GetInt32(0), r.GetInt32(1));
    }
}
