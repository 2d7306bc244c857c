using DePin.Index.Ethereum.Primitives;
using Npgsql;

namespace DePin.Index.Store.Internal;

/// <summary>Writes and reads a deployment's proof-of-indexing digests and dynamic data sources.</summary>
internal static class MetadataWriter
{
    internal static async Task WritePoisAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string deploymentId, IReadOnlyList<PoiDigest> pois,
        CancellationToken cancellationToken)
    {
        if (pois.Count == 0)
        {
            return;
        }

        var duplicate = pois.GroupBy(p => p.Block).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StoreException($"the batch has {duplicate.Count()} proof-of-indexing digests for block {duplicate.Key}");
        }

        await Sql.ExecuteAsync(conn, tx, """
            insert into subgraphs.poi (deployment, block_number, digest) select $1, b, d from unnest($2::int4[], $3::bytea[]) as p(b, d)
            """, cancellationToken,
            Sql.P(deploymentId), Sql.P(pois.Select(p => p.Block).ToArray()), Sql.P(pois.Select(p => p.Digest.ToArray()).ToArray())).ConfigureAwait(false);
    }

    internal static async Task WriteDataSourcesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string deploymentId,
        IReadOnlyList<DynamicDataSource> dataSources, CancellationToken cancellationToken)
    {
        if (dataSources.Count == 0)
        {
            return;
        }

        var seqs = new int[dataSources.Count];
        var perBlock = new Dictionary<int, int>();
        for (var i = 0; i < dataSources.Count; i++)
        {
            var ds = dataSources[i] ?? throw new StoreException($"dynamic data source #{i} is null");
            if (string.IsNullOrEmpty(ds.Template))
            {
                throw new StoreException($"dynamic data source #{i} (block {ds.Block}) names no template");
            }

            seqs[i] = perBlock[ds.Block] = perBlock.GetValueOrDefault(ds.Block, -1) + 1;
        }

        await using var batch = new NpgsqlBatch(conn, tx);
        for (var i = 0; i < dataSources.Count; i++)
        {
            var ds = dataSources[i];
            var cmd = new NpgsqlBatchCommand("""
                insert into subgraphs.dynamic_data_source (deployment, block_number, seq, name, address, params, context)
                values ($1, $2, $3, $4, $5, $6, $7::jsonb)
                """);
            cmd.Parameters.Add(Sql.P(deploymentId));
            cmd.Parameters.Add(Sql.P(ds.Block));
            cmd.Parameters.Add(Sql.P(seqs[i]));
            cmd.Parameters.Add(Sql.P(ds.Template));
            cmd.Parameters.Add(Sql.P(ds.Address?.ToArray()));
            cmd.Parameters.Add(Sql.P((ds.Params ?? []).ToArray()));
            cmd.Parameters.Add(Sql.P(ds.Context is null ? null : EntityJson.Serialize(ds.Context)));
            batch.BatchCommands.Add(cmd);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<IReadOnlyList<DynamicDataSource>> LoadDataSourcesAsync(NpgsqlConnection conn, string deploymentId,
        CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("""
            select name, block_number, address, params, context::text from subgraphs.dynamic_data_source
            where deployment = $1 order by block_number, seq
            """, conn);
        cmd.Parameters.Add(Sql.P(deploymentId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<DynamicDataSource>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DynamicDataSource(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : new Address(r.GetFieldValue<byte[]>(2)))
            {
                Params = r.GetFieldValue<string[]>(3),
                Context = r.IsDBNull(4) ? null : EntityJson.Deserialize(r.GetString(4)),
            });
        }

        return list;
    }
}
