using DePin.Index.Store;
using Npgsql;

namespace DePin.Index.Pipeline;

/// <summary>
/// The PostgreSQL side of the pipeline: the <see cref="SubgraphStore"/> (metadata, deployments, writes, reads) and a
/// connection pool of its own for the runner's bulk cache loads (the ids of a deployment's live entities). Shared by every
/// runner of a node; thread-safe.
/// </summary>
public sealed class PipelineStore : IAsyncDisposable
{
    private PipelineStore(SubgraphStore subgraphs, NpgsqlDataSource sql)
    {
        Subgraphs = subgraphs;
        Sql = sql;
    }

    public SubgraphStore Subgraphs { get; }

    internal NpgsqlDataSource Sql { get; }

    /// <summary>Connects (an Npgsql connection string; see <see cref="PostgresUrl"/> for URLs) and migrates the metadata schema.</summary>
    public static async Task<PipelineStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var subgraphs = await SubgraphStore.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        var sql = NpgsqlDataSource.Create(connectionString);
        return new PipelineStore(subgraphs, sql);
    }

    public async ValueTask DisposeAsync()
    {
        await Sql.DisposeAsync().ConfigureAwait(false);
        await Subgraphs.DisposeAsync().ConfigureAwait(false);
    }
}
