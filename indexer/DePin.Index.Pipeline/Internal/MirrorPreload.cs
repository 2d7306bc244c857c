using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Schema;
using Npgsql;

namespace DePin.Index.Pipeline.Internal;

/// <summary>
/// The ids of a table's live entities (open versions; every row of an immutable table), in the form the store's reads take
/// them: text ids as they are, Bytes ids as lower-case <c>0x</c>-hex, Int8 ids in decimal. One query; used to fill the
/// runner's cache at start. (The store has no "list ids" read yet: this is the only SQL the pipeline writes itself.)
/// </summary>
internal static class MirrorPreload
{
    /// <summary>How many live entities the table holds.</summary>
    public static async Task<long> CountLiveAsync(NpgsqlDataSource sql, Table table, CancellationToken cancellationToken)
    {
        await using var cmd = sql.CreateCommand($"select count(*) from {table.QualifiedName} where {Live(table)}");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<string>> LiveIdsAsync(NpgsqlDataSource sql, Table table, CancellationToken cancellationToken)
    {
        var id = table.IdType switch
        {
            IdType.Bytes => "'0x' || encode(id, 'hex')",
            IdType.Int8 => "id::text",
            _ => "id",
        };
        await using var cmd = sql.CreateCommand($"select {id} from {table.QualifiedName} where {Live(table)}");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static string Live(Table table) => table.Immutable ? "true" : "upper_inf(block_range)";
}
