using Npgsql;

namespace DePin.Index.Node;

/// <summary>
/// The node's own PostgreSQL tables, in schema <c>node</c> (created if missing, idempotent, safe for several nodes
/// starting at once thanks to an advisory lock):
/// <list type="bullet">
/// <item><c>node.ipfs_blocks(cid, data, created_at)</c> — the IPFS blocks uploaded through <c>/api/v0/add</c>;</item>
/// <item><c>node.subgraphs(id, name, current_version, created_at)</c> — names from <c>subgraph_create</c>;</item>
/// <item><c>node.deployments(id, network, spec_version, node_id, created_at)</c> — one row per manifest CID
/// deployed, <c>node_id</c> the index node it is assigned to (null: unassigned, not indexed);</item>
/// <item><c>node.subgraph_versions(id, subgraph_id, deployment, version_label, created_at)</c> — each
/// <c>subgraph_deploy</c> of a name; the name's <c>current_version</c> points at the latest.</item>
/// </list>
/// </summary>
public static class NodeSchema
{
    private const long AdvisoryLockKey = 0x6e6f_6465_5f73_6368; // "node_sch"

    internal const string Ddl = """
        create schema if not exists node;
        create table if not exists node.ipfs_blocks (
            cid text primary key,
            data bytea not null,
            created_at timestamptz not null default now());
        create table if not exists node.subgraphs (
            id text primary key,
            name text not null unique,
            current_version text,
            created_at timestamptz not null default now());
        create table if not exists node.deployments (
            id text primary key,
            network text not null,
            spec_version text not null,
            node_id text,
            created_at timestamptz not null default now());
        create table if not exists node.subgraph_versions (
            id text primary key,
            subgraph_id text not null references node.subgraphs (id) on delete cascade,
            deployment text not null references node.deployments (id),
            version_label text,
            created_at timestamptz not null default now());
        create index if not exists subgraph_versions_deployment on node.subgraph_versions (deployment);
        """;

    /// <summary>Creates the schema and tables that are missing.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCmd = new NpgsqlCommand($"select pg_advisory_xact_lock({AdvisoryLockKey})", conn, tx))
        {
            await lockCmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var ddl = new NpgsqlCommand(Ddl, conn, tx))
        {
            await ddl.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
