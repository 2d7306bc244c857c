using System.Globalization;
using DePin.Index.Store.Internal;
using DePin.Index.Store.Layout;
using DePin.Index.Subgraph.Schema;
using Npgsql;

namespace DePin.Index.Store;

/// <summary>
/// The PostgreSQL store of one node: the <c>subgraphs</c> metadata schema (migrated when opened) and one
/// schema <c>sgdN</c> per deployment. Creates, opens and removes deployments and keeps the subgraph
/// name → deployment mapping. Thread-safe; owns its connection pool.
/// </summary>
public sealed partial class SubgraphStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private SubgraphStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    /// <summary>The connection pool, shared with the deployment stores opened from here.</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Connects and brings the metadata schema up to date (idempotent; safe for several nodes at once).</summary>
    /// <param name="connectionString">An Npgsql connection string (see <see cref="PostgresUrl"/> for URLs).</param>
    public static async Task<SubgraphStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        NpgsqlDataSource dataSource;
        try
        {
            // Error details name the conflicting key of a refused write: worth having in a StoreException.
            dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { IncludeErrorDetail = true });
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"invalid connection string: {e.Message}", e);
        }

        try
        {
            await MetadataMigrations.RunAsync(dataSource, cancellationToken).ConfigureAwait(false);
            return new SubgraphStore(dataSource);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"cannot prepare the store's metadata schema: {e.Message}", e);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// Creates a deployment: checks the id and the schema, takes the next <c>sgdN</c> from the counter,
    /// creates the schema's tables and records the deployment, all in one transaction.
    /// </summary>
    /// <exception cref="StoreException">for a malformed id, an id that exists, or a schema the store cannot hold.</exception>
    public async Task<DeploymentStore> CreateDeploymentAsync(DeploymentSpec spec, DdlOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= DdlOptions.Default;
        DeploymentIds.Check(spec.Id);
        ArgumentException.ThrowIfNullOrEmpty(spec.Network);
        if (spec.StartBlock < 0)
        {
            throw new StoreException($"deployment {spec.Id}: the start block must not be negative, got {spec.StartBlock}");
        }

        var schema = ParseSchema(spec.Id, spec.Schema);
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var exists = await Sql.ScalarAsync<bool>(conn, tx, "select exists (select 1 from subgraphs.deployment where id = $1)", cancellationToken,
            Sql.P(spec.Id)).ConfigureAwait(false);
        if (exists)
        {
            throw new StoreException($"deployment {spec.Id} already exists");
        }

        var n = await Sql.ScalarAsync<long>(conn, tx, "select nextval('subgraphs.deployment_schema_seq')", cancellationToken).ConfigureAwait(false);
        var schemaName = "sgd" + n.ToString(CultureInfo.InvariantCulture);
        var layout = RelationalLayout.Create(schema, schemaName);
        try
        {
            await Sql.ExecuteAsync(conn, tx, DdlGenerator.CreateSchema(layout, options), cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new StoreException($"deployment {spec.Id}: creating its tables in schema {schemaName} failed: {e.MessageText}", e);
        }

        try
        {
            await Sql.ExecuteAsync(conn, tx, """
                insert into subgraphs.deployment (id, schema_name, name, network, schema, manifest, start_block, indexes_postponed)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                """, cancellationToken,
                Sql.P(spec.Id), Sql.P(schemaName), Sql.P(spec.Name), Sql.P(spec.Network), Sql.P(spec.Schema), Sql.P(spec.Manifest),
                Sql.P(spec.StartBlock), Sql.P(options.PostponeAttributeIndexes)).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new StoreException($"deployment {spec.Id} already exists", e);
        }

        return new DeploymentStore(this, spec.Id, layout, options);
    }

    /// <summary>Opens an existing deployment for writing and reading.</summary>
    /// <exception cref="StoreException">when there is no such deployment.</exception>
    public async Task<DeploymentStore> OpenDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand("select schema_name, schema, indexes_postponed from subgraphs.deployment where id = $1", conn);
        cmd.Parameters.Add(Sql.P(deploymentId));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new StoreException($"deployment {deploymentId} does not exist");
        }

        var layout = RelationalLayout.Create(ParseSchema(deploymentId, reader.GetString(1)), reader.GetString(0));
        var options = new DdlOptions { PostponeAttributeIndexes = reader.GetBoolean(2) };
        return new DeploymentStore(this, deploymentId, layout, options);
    }

    /// <summary>Drops the deployment's schema and every metadata row of it (names pointing at it lose that version).</summary>
    /// <returns>False when the deployment did not exist.</returns>
    public async Task<bool> RemoveDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deploymentId);
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var schemaName = await Sql.ScalarAsync<string>(conn, tx, "delete from subgraphs.deployment where id = $1 returning schema_name",
            cancellationToken, Sql.P(deploymentId)).ConfigureAwait(false);
        if (schemaName is null)
        {
            return false;
        }

        await Sql.ExecuteAsync(conn, tx, $"drop schema if exists {SqlName.Quote(schemaName)} cascade", cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The ids of all deployments, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListDeploymentsAsync(CancellationToken cancellationToken = default)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = new NpgsqlCommand("select id from subgraphs.deployment order by created_at, id", conn);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static SubgraphSchema ParseSchema(string deploymentId, string schemaText)
    {
        ArgumentNullException.ThrowIfNull(schemaText);
        try
        {
            return SubgraphSchema.Parse(schemaText, $"{deploymentId}/schema.graphql");
        }
        catch (SchemaException e)
        {
            throw new StoreException($"deployment {deploymentId}: invalid schema: {e.Message}", e);
        }
    }
}
