using Npgsql;

namespace DePin.Index.Store.Internal;

/// <summary>
/// The <c>subgraphs</c> metadata schema, created and upgraded by numbered migrations. Each runs once, in
/// order, inside one transaction that holds an advisory lock, so nodes starting at the same time do not race;
/// <c>subgraphs.migration</c> records what ran.
/// </summary>
internal static class MetadataMigrations
{
    /// <summary>The key of the transaction-scoped advisory lock taken while migrating.</summary>
    private const long LockKey = 0x4465_5069_6E53_7401; // "DePinSt" + 1

    internal static IReadOnlyList<(int Version, string Description, string Sql)> All { get; } =
    [
        (1, "deployments, names, dynamic data sources, proofs of indexing", """
            create extension if not exists btree_gist;
            create sequence subgraphs.deployment_schema_seq;
            create table subgraphs.deployment (
                id                      text primary key,
                schema_name             text not null unique,
                name                    text,
                network                 text not null,
                schema                  text not null,
                manifest                text not null,
                start_block             int not null check (start_block >= 0),
                latest_block_number     int,
                latest_block_hash       bytea,
                earliest_block          int not null default 0,
                synced                  boolean not null default false,
                synced_at               timestamptz,
                health                  text not null default 'healthy' check (health in ('healthy', 'unhealthy', 'failed')),
                fatal_error_message     text,
                fatal_error_block       int,
                fatal_error_block_hash  bytea,
                fatal_error_handler     text,
                entity_count            bigint not null default 0,
                reorg_count             int not null default 0,
                max_reorg_depth         int not null default 0,
                indexes_postponed       boolean not null default false,
                created_at              timestamptz not null default now(),
                check ((latest_block_number is null) = (latest_block_hash is null)),
                check ((fatal_error_message is null) = (fatal_error_block is null))
            );
            create table subgraphs.subgraph (
                name            text primary key,
                current_version bigint,
                created_at      timestamptz not null default now()
            );
            create table subgraphs.subgraph_version (
                id          bigserial primary key,
                subgraph    text not null references subgraphs.subgraph (name) on delete cascade,
                deployment  text not null references subgraphs.deployment (id) on delete cascade,
                created_at  timestamptz not null default now()
            );
            alter table subgraphs.subgraph add foreign key (current_version)
                references subgraphs.subgraph_version (id) on delete set null deferrable initially deferred;
            create index subgraph_version_deployment on subgraphs.subgraph_version (deployment);
            create table subgraphs.dynamic_data_source (
                deployment   text not null references subgraphs.deployment (id) on delete cascade,
                block_number int not null,
                seq          int not null,
                name         text not null,
                address      bytea,
                params       text[] not null default '{}',
                context      jsonb,
                primary key (deployment, block_number, seq)
            );
            create table subgraphs.poi (
                deployment   text not null references subgraphs.deployment (id) on delete cascade,
                block_number int not null,
                digest       bytea not null check (length(digest) = 32),
                primary key (deployment, block_number)
            );
            """),
    ];

    /// <summary>Applies the migrations not yet recorded; returns how many ran.</summary>
    internal static async Task<int> RunAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var conn = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(conn, tx, $"select pg_advisory_xact_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        await Sql.ExecuteAsync(conn, tx, """
            create schema if not exists subgraphs;
            create table if not exists subgraphs.migration (
                version     int primary key,
                description text not null,
                applied_at  timestamptz not null default now()
            )
            """, cancellationToken).ConfigureAwait(false);
        var applied = new HashSet<int>();
        await using (var cmd = new NpgsqlCommand("select version from subgraphs.migration", conn, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var ran = 0;
        foreach (var (version, description, sql) in All.Where(m => !applied.Contains(m.Version)))
        {
            await Sql.ExecuteAsync(conn, tx, sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("insert into subgraphs.migration (version, description) values ($1, $2)", conn, tx);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = description });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            ran++;
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ran;
    }
}
