using System.Text.RegularExpressions;
using DePin.Index.Store.Internal;
using Npgsql;

namespace DePin.Index.Store;

/// <summary>The subgraph name → deployment mapping (<c>subgraph_create</c>, <c>subgraph_deploy</c>, <c>subgraph_remove</c>).</summary>
public sealed partial class SubgraphStore
{
    /// <summary>Creates a subgraph name (<c>owner/name</c>: segments of letters, digits, <c>-</c> and <c>_</c> separated by <c>/</c>).</summary>
    /// <returns>False when the name existed already.</returns>
    public async Task<bool> CreateSubgraphNameAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await Sql.ExecuteAsync(conn, null, "insert into subgraphs.subgraph (name) values ($1) on conflict do nothing",
            cancellationToken, Sql.P(name)).ConfigureAwait(false);
        return inserted == 1;
    }

    /// <summary>Removes a name and its versions (the deployments stay).</summary>
    /// <returns>False when there was no such name.</returns>
    public async Task<bool> RemoveSubgraphNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ExecuteAsync(conn, null, "delete from subgraphs.subgraph where name = $1", cancellationToken, Sql.P(name))
            .ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Points a name at a deployment: records a new version and makes it the current one at once
    /// (graph-node's default "instant" version switching).
    /// </summary>
    /// <exception cref="StoreException">when the name or the deployment does not exist.</exception>
    public async Task<SubgraphVersion> DeployVersionAsync(string name, string deploymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(deploymentId);
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await Sql.ScalarAsync<bool>(conn, tx, "select exists (select 1 from subgraphs.subgraph where name = $1 for update)", cancellationToken,
                Sql.P(name)).ConfigureAwait(false))
        {
            throw new StoreException($"subgraph name '{name}' does not exist; create it first");
        }

        if (!await Sql.ScalarAsync<bool>(conn, tx, "select exists (select 1 from subgraphs.deployment where id = $1)", cancellationToken,
                Sql.P(deploymentId)).ConfigureAwait(false))
        {
            throw new StoreException($"deployment {deploymentId} does not exist");
        }

        await using var cmd = new NpgsqlCommand(
            "insert into subgraphs.subgraph_version (subgraph, deployment) values ($1, $2) returning id, created_at", conn, tx);
        cmd.Parameters.Add(Sql.P(name));
        cmd.Parameters.Add(Sql.P(deploymentId));
        long id;
        DateTimeOffset createdAt;
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            id = reader.GetInt64(0);
            createdAt = reader.GetFieldValue<DateTimeOffset>(1);
        }

        await Sql.ExecuteAsync(conn, tx, "update subgraphs.subgraph set current_version = $1 where name = $2", cancellationToken,
            Sql.P(id), Sql.P(name)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SubgraphVersion(id, name, deploymentId, createdAt, IsCurrent: true);
    }

    /// <summary>The deployment the name currently points at, or null (unknown name or no version yet).</summary>
    public async Task<string?> ResolveNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await Sql.ScalarAsync<string>(conn, null, """
            select v.deployment from subgraphs.subgraph s join subgraphs.subgraph_version v on v.id = s.current_version
            where s.name = $1
            """, cancellationToken, Sql.P(name)).ConfigureAwait(false);
    }

    /// <summary>The versions of a name, oldest first.</summary>
    public async Task<IReadOnlyList<SubgraphVersion>> ListVersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand("""
            select v.id, v.deployment, v.created_at, v.id = s.current_version
            from subgraphs.subgraph_version v join subgraphs.subgraph s on s.name = v.subgraph
            where v.subgraph = $1 order by v.id
            """, conn);
        cmd.Parameters.Add(Sql.P(name));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<SubgraphVersion>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new SubgraphVersion(reader.GetInt64(0), name, reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                !reader.IsDBNull(3) && reader.GetBoolean(3)));
        }

        return list;
    }

    private static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 255 || !NamePattern().IsMatch(name))
        {
            throw new StoreException(
                $"'{name}' is not a subgraph name: use segments of letters, digits, '-' and '_' (each starting with a letter or digit) separated by '/', at most 255 characters");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
