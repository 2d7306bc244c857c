using DePin.Index.Store;
using DePin.Index.Subgraph.Schema;
using DePin.Index.Subgraph.Values;
using Npgsql;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>
/// Every live entity of a deployment, read back from PostgreSQL through the store's reads: type → id → entity (ids as the
/// store prints them: strings as they are, Bytes as lower-case 0x hex).
/// </summary>
internal static class EntitySnapshot
{
    public static async Task<Dictionary<string, Dictionary<string, Entity>>> LoadAsync(string connectionString, string deploymentId)
    {
        await using var store = await SubgraphStore.OpenAsync(connectionString);
        var deployment = await store.OpenDeploymentAsync(deploymentId);
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var result = new Dictionary<string, Dictionary<string, Entity>>(StringComparer.Ordinal);
        foreach (var table in deployment.Layout.Tables)
        {
            var id = table.IdType switch
            {
                IdType.Bytes => "'0x' || encode(id, 'hex')",
                IdType.Int8 => "id::text",
                _ => "id",
            };
            var ids = new List<string>();
            await using (var cmd = new NpgsqlCommand($"select {id} from {table.QualifiedName} where {(table.Immutable ? "true" : "upper_inf(block_range)")}", conn))
            await using (var r = await cmd.ExecuteReaderAsync())
            {
                while (await r.ReadAsync())
                {
                    ids.Add(r.GetString(0));
                }
            }

            var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(5000))
            {
                foreach (var (key, entity) in await deployment.GetManyAsync(table.EntityName, chunk))
                {
                    entities[key] = entity;
                }
            }

            result[table.EntityName] = entities;
        }

        return result;
    }
}
