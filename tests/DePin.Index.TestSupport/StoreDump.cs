using System.Text;
using Npgsql;

namespace DePin.Index.TestSupport;

/// <summary>
/// An exact dump of what a deployment holds in a database — every entity table's rows (all versions, block ranges and vids),
/// the proof-of-indexing digests, the dynamic data sources, the cursor, the entity count and the fatal error — to compare two
/// indexers (or an interrupted and an uninterrupted run) byte for byte. Timestamps of the node's own bookkeeping are left out.
/// </summary>
public static class StoreDump
{
    public static async Task<string> DumpAsync(string connectionString, string deploymentId)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var text = new StringBuilder();
        string schema;
        await using (var cmd = new NpgsqlCommand("""
            select schema_name, latest_block_number, encode(latest_block_hash, 'hex'), entity_count, health, fatal_error_block,
                   fatal_error_handler, fatal_error_message
            from subgraphs.deployment where id = $1
            """, conn))
        {
            cmd.Parameters.AddWithValue(deploymentId);
            await using var r = await cmd.ExecuteReaderAsync();
            if (!await r.ReadAsync())
            {
                throw new InvalidOperationException($"no deployment {deploymentId}");
            }

            schema = r.GetString(0);
            for (var i = 1; i < r.FieldCount; i++)
            {
                text.Append(r.GetName(i)).Append('=').Append(r.IsDBNull(i) ? "null" : r.GetValue(i).ToString()).Append('\n');
            }
        }

        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = $1 order by table_name", conn))
        {
            cmd.Parameters.AddWithValue(schema);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                tables.Add(r.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            text.Append("== ").Append(table).Append('\n');
            text.Append(await CopyAsync(conn, $"select * from \"{schema}\".\"{table}\" order by vid"));
        }

        text.Append("== poi\n");
        text.Append(await CopyAsync(conn, $"select block_number, encode(digest, 'hex') from subgraphs.poi where deployment = '{deploymentId}' order by block_number"));
        text.Append("== dynamic data sources\n");
        text.Append(await CopyAsync(conn, $"select block_number, seq, name, encode(address, 'hex') from subgraphs.dynamic_data_source where deployment = '{deploymentId}' order by block_number, seq"));
        return text.ToString();
    }

    /// <summary>Rows of one entity table at the latest block, as a count.</summary>
    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> CopyAsync(NpgsqlConnection conn, string query)
    {
        using var reader = await conn.BeginTextExportAsync($"copy ({query}) to stdout");
        return await reader.ReadToEndAsync();
    }
}
