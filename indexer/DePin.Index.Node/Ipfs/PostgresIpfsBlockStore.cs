using Npgsql;

namespace DePin.Index.Node.Ipfs;

/// <summary>
/// Blocks in PostgreSQL, table <c>node.ipfs_blocks(cid text primary key, data bytea, created_at)</c>, so every node
/// sharing the database serves what any of them was given. Blocks are never garbage-collected: everything added is
/// kept, which is what pinning asks for. The schema is created by <see cref="NodeSchema"/>.
/// </summary>
public sealed class PostgresIpfsBlockStore(NpgsqlDataSource dataSource) : IIpfsBlockStore
{
    public async Task<byte[]?> GetAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cid);
        await using var cmd = dataSource.CreateCommand("select data from node.ipfs_blocks where cid = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = cid.Text });
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    public async Task PutAsync(IReadOnlyCollection<IpfsBlock> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0)
        {
            return;
        }

        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in blocks.DistinctBy(b => b.Cid).Chunk(64))
        {
            await using var batch = new NpgsqlBatch(conn, tx);
            foreach (var block in chunk)
            {
                var command = new NpgsqlBatchCommand("insert into node.ipfs_blocks (cid, data) values ($1, $2) on conflict (cid) do nothing");
                command.Parameters.Add(new NpgsqlParameter { Value = block.Cid.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = block.Data.ToArray() });
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
