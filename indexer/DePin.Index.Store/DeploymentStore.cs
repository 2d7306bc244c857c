using DePin.Index.Ethereum.Primitives;
using DePin.Index.Store.Internal;
using DePin.Index.Store.Layout;
using Npgsql;

namespace DePin.Index.Store;

/// <summary>
/// One deployment's data: versioned entity tables in schema <c>sgdN</c> plus its metadata rows. Writes
/// commit whole batches of blocks in one transaction (<see cref="WriteAsync"/>); reads see the latest state
/// or any block's state (time travel); <see cref="RevertAsync"/> undoes blocks after an ancestor and
/// <see cref="PruneAsync"/> drops history no query may need. Thread-safe: every call uses its own pooled
/// connection; concurrent writers of one deployment are serialised by a row lock on its metadata.
/// </summary>
public sealed partial class DeploymentStore
{
    private readonly SubgraphStore _store;
    private readonly DdlOptions _ddlOptions;

    internal DeploymentStore(SubgraphStore store, string deploymentId, RelationalLayout layout, DdlOptions ddlOptions)
    {
        _store = store;
        DeploymentId = deploymentId;
        Layout = layout;
        _ddlOptions = ddlOptions;
    }

    public string DeploymentId { get; }

    /// <summary>The tables and columns of the deployment.</summary>
    public RelationalLayout Layout { get; }

    private NpgsqlDataSource DataSource => _store.DataSource;

    /// <summary>The deployment's metadata: cursor, health, entity count, …</summary>
    public async Task<DeploymentStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await StatusReader.ReadAsync(conn, DeploymentId, cancellationToken).ConfigureAwait(false)
            ?? throw new StoreException($"deployment {DeploymentId} does not exist (removed?)");
    }

    /// <summary>The cursor: the last committed block, or null before the first write.</summary>
    public async Task<BlockPtr?> GetLatestBlockAsync(CancellationToken cancellationToken = default) =>
        (await GetStatusAsync(cancellationToken).ConfigureAwait(false)).LatestBlock;

    /// <summary>The proof-of-indexing digest as of <paramref name="block"/>: the one of the last block ≤ it that had one, or null.</summary>
    public async Task<Hash32?> GetPoiAsync(int block, CancellationToken cancellationToken = default)
    {
        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var digest = await Sql.ScalarAsync<byte[]>(conn, null, """
            select digest from subgraphs.poi where deployment = $1 and block_number <= $2 order by block_number desc limit 1
            """, cancellationToken, Sql.P(DeploymentId), Sql.P(block)).ConfigureAwait(false);
        return digest is null ? null : new Hash32(digest);
    }

    /// <summary>The data sources created at run time, in creation order (block, then order within the block).</summary>
    public async Task<IReadOnlyList<DynamicDataSource>> LoadDynamicDataSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await MetadataWriter.LoadDataSourcesAsync(conn, DeploymentId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the deployment failed at a deterministic error (indexing stops there).</summary>
    public Task FailAsync(FatalError error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return UpdateAsync("""
            update subgraphs.deployment set health = 'failed', fatal_error_message = $2, fatal_error_block = $3,
                fatal_error_block_hash = $4, fatal_error_handler = $5 where id = $1
            """, cancellationToken, Sql.P(error.Message), Sql.P(error.Block), Sql.P(error.BlockHash?.ToArray()), Sql.P(error.Handler));
    }

    /// <summary>Sets the health; <see cref="DeploymentHealth.Healthy"/> also clears a fatal error.</summary>
    public Task SetHealthAsync(DeploymentHealth health, CancellationToken cancellationToken = default) =>
        health == DeploymentHealth.Healthy
            ? UpdateAsync("""
                update subgraphs.deployment set health = 'healthy', fatal_error_message = null, fatal_error_block = null,
                    fatal_error_block_hash = null, fatal_error_handler = null where id = $1
                """, cancellationToken)
            : UpdateAsync("update subgraphs.deployment set health = $2 where id = $1", cancellationToken,
                Sql.P(health.ToString().ToLowerInvariant()));

    /// <summary>Records that the deployment reached the chain head (once; the first time is kept).</summary>
    public Task MarkSyncedAsync(CancellationToken cancellationToken = default) =>
        UpdateAsync("update subgraphs.deployment set synced = true, synced_at = coalesce(synced_at, now()) where id = $1", cancellationToken);

    /// <summary>
    /// Creates the attribute indexes left out at creation (<see cref="DdlOptions.PostponeAttributeIndexes"/>),
    /// concurrently, so writes and queries go on meanwhile. Idempotent.
    /// </summary>
    public async Task CreatePostponedIndexesAsync(CancellationToken cancellationToken = default)
    {
        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in DdlGenerator.PostponedIndexes(Layout, _ddlOptions with { PostponeAttributeIndexes = true }))
        {
            await Sql.ExecuteAsync(conn, null, statement, cancellationToken).ConfigureAwait(false);
        }

        await Sql.ExecuteAsync(conn, null, "update subgraphs.deployment set indexes_postponed = false where id = $1", cancellationToken,
            Sql.P(DeploymentId)).ConfigureAwait(false);
    }

    private async Task UpdateAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var n = await Sql.ExecuteAsync(conn, null, sql, cancellationToken, [Sql.P(DeploymentId), .. parameters]).ConfigureAwait(false);
        if (n == 0)
        {
            throw new StoreException($"deployment {DeploymentId} does not exist (removed?)");
        }
    }
}
