using Npgsql;

namespace DePin.Index.Node;

/// <summary>
/// <see cref="IDeploymentRegistry"/> over the node's own tables (see <see cref="NodeSchema"/>): every change is one
/// transaction, names are locked while a version is added, so concurrent admin calls and several nodes sharing the
/// database stay consistent.
/// </summary>
public sealed class PostgresDeploymentRegistry(NpgsqlDataSource dataSource) : IDeploymentRegistry
{
    public async Task<string> CreateSubgraphAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var cmd = dataSource.CreateCommand("insert into node.subgraphs (id, name) values ($1, $2) on conflict (name) do nothing returning id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = NewId() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string ?? throw RegistrarException.NameExists(name);
    }

    public async Task<SubgraphVersionRecord> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var subgraphId = await ScalarAsync<string>(conn, tx, "select id from node.subgraphs where name = $1 for update", cancellationToken, request.Name)
            ?? throw RegistrarException.NameNotFound(request.Name);
        var inserted = await ExecuteAsync(conn, tx, """
            insert into node.deployments (id, network, spec_version, node_id) values ($1, $2, $3, $4) on conflict (id) do nothing
            """, cancellationToken, request.DeploymentId, request.Network, request.SpecVersion, request.NodeId).ConfigureAwait(false);
        if (inserted == 0)
        {
            await ExecuteAsync(conn, tx, "update node.deployments set node_id = $2 where id = $1 and node_id is null", cancellationToken,
                request.DeploymentId, request.NodeId).ConfigureAwait(false);
        }

        var versionId = NewId();
        await ExecuteAsync(conn, tx, "insert into node.subgraph_versions (id, subgraph_id, deployment, version_label) values ($1, $2, $3, $4)",
            cancellationToken, versionId, subgraphId, request.DeploymentId, request.VersionLabel).ConfigureAwait(false);
        await ExecuteAsync(conn, tx, "update node.subgraphs set current_version = $2 where id = $1", cancellationToken, subgraphId, versionId)
            .ConfigureAwait(false);
        var nodeId = await ScalarAsync<string>(conn, tx, "select node_id from node.deployments where id = $1", cancellationToken, request.DeploymentId)
            .ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SubgraphVersionRecord(versionId, subgraphId, request.DeploymentId, nodeId, NewDeployment: inserted == 1);
    }

    public async Task RemoveSubgraphAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await ExecuteAsync(conn, tx, "delete from node.subgraphs where name = $1", cancellationToken, name).ConfigureAwait(false) == 0)
        {
            throw RegistrarException.NameNotFound(name);
        }

        await ExecuteAsync(conn, tx, """
            update node.deployments set node_id = null
            where node_id is not null
              and id not in (select v.deployment from node.subgraphs s join node.subgraph_versions v on v.id = s.current_version)
            """, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ReassignAsync(string deploymentId, string nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        ArgumentNullException.ThrowIfNull(nodeId);
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var cmd = new NpgsqlCommand("select node_id from node.deployments where id = $1 for update", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = deploymentId });
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw RegistrarException.DeploymentNotFound(deploymentId);
            }

            if (!reader.IsDBNull(0) && reader.GetString(0) == nodeId)
            {
                throw RegistrarException.AssignmentUnchanged(deploymentId);
            }
        }

        await ExecuteAsync(conn, tx, "update node.deployments set node_id = $2 where id = $1", cancellationToken, deploymentId, nodeId)
            .ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DeploymentRecord?> FindDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        var found = await QueryDeploymentsAsync("where d.id = $1", deploymentId, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<DeploymentRecord>> ListDeploymentsAsync(string? nodeId = null, CancellationToken cancellationToken = default) =>
        nodeId is null
            ? QueryDeploymentsAsync("", null, cancellationToken)
            : QueryDeploymentsAsync("where d.node_id = $1", nodeId, cancellationToken);

    public async Task<string?> ResolveNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ScalarAsync<string>(conn, null, """
            select v.deployment from node.subgraphs s join node.subgraph_versions v on v.id = s.current_version where s.name = $1
            """, cancellationToken, name).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<DeploymentRecord>> QueryDeploymentsAsync(string where, string? parameter, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select d.id, d.network, d.spec_version, d.node_id, d.created_at,
                   array(select s.name from node.subgraphs s join node.subgraph_versions v on v.id = s.current_version
                         where v.deployment = d.id order by s.name)
            from node.deployments d {where}
            order by d.created_at, d.id
            """);
        if (parameter is not null)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<DeploymentRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DeploymentRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<string[]>(5)));
        }

        return list;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static async Task<int> ExecuteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken cancellationToken,
        params object?[] values)
    {
        await using var cmd = Command(conn, tx, sql, values);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken cancellationToken,
        params object?[] values)
        where T : class
    {
        await using var cmd = Command(conn, tx, sql, values);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as T;
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, object?[] values)
    {
        var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var value in values)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return cmd;
    }
}
