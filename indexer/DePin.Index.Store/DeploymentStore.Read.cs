using DePin.Index.Store.Internal;
using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Values;
using Npgsql;

namespace DePin.Index.Store;

public sealed partial class DeploymentStore
{
    /// <summary>
    /// One entity as it is at <paramref name="block"/> (null: at the latest block), or null when it does not
    /// exist then. Null fields are absent from the entity; derived fields are not loaded.
    /// </summary>
    /// <exception cref="StoreException">for an unknown type, a malformed id, or a block whose history was pruned.</exception>
    public async Task<Entity?> GetAsync(string entityType, string id, int? block = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var found = await GetManyAsync(entityType, [id], block, cancellationToken).ConfigureAwait(false);
        return found.Values.FirstOrDefault();
    }

    /// <summary>
    /// Many entities of one type at once (what the mapping's entity cache needs before a batch of handlers):
    /// a dictionary from the canonical id (Bytes ids as lower-case <c>0x</c>-hex, Int8 ids in decimal) to the
    /// entity; ids that do not exist at the block are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Entity>> GetManyAsync(string entityType, IEnumerable<string> ids, int? block = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(ids);
        var table = Layout.GetTable(entityType);
        var list = ids.Distinct(StringComparer.Ordinal).ToArray();
        var result = new Dictionary<string, Entity>(list.Length, StringComparer.Ordinal);
        if (list.Length == 0)
        {
            return result;
        }

        var sql = $"select {EntityReader.SelectList(table)} from {table.QualifiedName} where id = any($1) and {EntityReader.AtBlock(table, "$2")}";
        var parameters = new NpgsqlParameter[]
        {
            new() { Value = IdCodec.ToDbArray(table.IdType, table.EntityName, list) },
            Sql.P(block ?? IndexDefinition.BlockMax),
        };
        await foreach (var entity in QueryAsync(table, sql, parameters, block, cancellationToken).ConfigureAwait(false))
        {
            result[IdCodec.Canonical(entity["id"])] = entity;
        }

        return result;
    }

    /// <summary>
    /// Entities of several types in one round trip (one query per type, sent together): what an entity cache
    /// loads before a batch of handlers. The result maps each found key — with the id in canonical form, see
    /// <see cref="GetManyAsync(string, IEnumerable{string}, int?, CancellationToken)"/> — to its entity.
    /// </summary>
    public async Task<IReadOnlyDictionary<EntityKey, Entity>> GetManyAsync(IEnumerable<EntityKey> keys, int? block = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var byType = keys.GroupBy(k => k.EntityType, StringComparer.Ordinal)
            .Select(g => (Table: Layout.GetTable(g.Key), Ids: g.Select(k => k.Id).Distinct(StringComparer.Ordinal).ToArray()))
            .ToArray();
        var result = new Dictionary<EntityKey, Entity>();
        if (byType.Length == 0)
        {
            return result;
        }

        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(conn);
        if (block is not null)
        {
            var check = new NpgsqlBatchCommand("select earliest_block from subgraphs.deployment where id = $1");
            check.Parameters.Add(Sql.P(DeploymentId));
            batch.BatchCommands.Add(check);
        }

        foreach (var (table, ids) in byType)
        {
            var cmd = new NpgsqlBatchCommand(
                $"select {EntityReader.SelectList(table)} from {table.QualifiedName} where id = any($1) and {EntityReader.AtBlock(table, "$2")}");
            cmd.Parameters.Add(new NpgsqlParameter { Value = IdCodec.ToDbArray(table.IdType, table.EntityName, ids) });
            cmd.Parameters.Add(Sql.P(block ?? IndexDefinition.BlockMax));
            batch.BatchCommands.Add(cmd);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (block is { } b)
        {
            await CheckEarliestAsync(reader, b, cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < byType.Length; i++)
        {
            if (i > 0)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }

            var table = byType[i].Table;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var entity = EntityReader.Read(reader, table);
                result[new EntityKey(table.EntityName, IdCodec.Canonical(entity["id"]))] = entity;
            }
        }

        return result;
    }

    /// <summary>
    /// The entities of a <c>@derivedFrom</c> field (graph-ts <c>loadRelated</c>): for <c>Device.proofs</c>
    /// derived from <c>Proof.device</c>, the Proofs whose <c>device</c> is <paramref name="id"/> (or, for a
    /// list field, contains it), at <paramref name="block"/> or the latest block. For an interface, every
    /// implementing type is searched, in schema order; within a type, entities come in id order.
    /// </summary>
    /// <exception cref="StoreException">when <paramref name="field"/> is not a derived field of the type.</exception>
    public async Task<IReadOnlyList<Entity>> LoadRelatedAsync(string entityType, string id, string field, int? block = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(field);
        var parent = Layout.GetTable(entityType);
        if (!parent.EntityType.TryGetField(field, out var derived) || derived.DerivedFrom is null)
        {
            throw new StoreException($"`{field}` is not a @derivedFrom field of {entityType}");
        }

        var targets = Layout.Schema.TryGetInterface(derived.Type.BaseName, out var iface)
            ? iface.Implementers.Select(Layout.GetTable).ToArray()
            : [Layout.GetTable(derived.Type.BaseName)];
        var idValue = IdCodec.ToDb(parent.IdType, parent.EntityName, id);
        var result = new List<Entity>();
        foreach (var table in targets)
        {
            var column = table.ColumnForField(derived.DerivedFrom)
                ?? throw new StoreException($"{entityType}.{field} derives from {table.EntityName}.{derived.DerivedFrom}, which is not a stored field");
            var match = column.IsList ? $"$1 = any({column.Quoted})" : $"{column.Quoted} = $1";
            var sql = $"select {EntityReader.SelectList(table)} from {table.QualifiedName} where {match} and {EntityReader.AtBlock(table, "$2")} order by id";
            var parameters = new NpgsqlParameter[] { new() { Value = idValue }, Sql.P(block ?? IndexDefinition.BlockMax) };
            await foreach (var entity in QueryAsync(table, sql, parameters, block, cancellationToken).ConfigureAwait(false))
            {
                result.Add(entity);
            }
        }

        return result;
    }

    /// <summary>
    /// Runs an entity query; at an explicit block it first checks, in the same round trip, that the block's
    /// history has not been pruned.
    /// </summary>
    private async IAsyncEnumerable<Entity> QueryAsync(Table table, string sql, NpgsqlParameter[] parameters, int? block,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(conn);
        if (block is not null)
        {
            var check = new NpgsqlBatchCommand("select earliest_block from subgraphs.deployment where id = $1");
            check.Parameters.Add(Sql.P(DeploymentId));
            batch.BatchCommands.Add(check);
        }

        var query = new NpgsqlBatchCommand(sql);
        query.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(query);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (block is { } b)
        {
            await CheckEarliestAsync(reader, b, cancellationToken).ConfigureAwait(false);
        }

        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return EntityReader.Read(reader, table);
        }
    }

    /// <summary>Reads the first result (the earliest block), refuses a pruned block, and moves to the next result.</summary>
    private async Task CheckEarliestAsync(NpgsqlDataReader reader, int block, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new StoreException($"deployment {DeploymentId} does not exist (removed?)");
        }

        var earliest = reader.GetInt32(0);
        if (block < earliest)
        {
            throw new StoreException($"deployment {DeploymentId}: block {block} is before the earliest block {earliest} it keeps (older history was pruned)");
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
