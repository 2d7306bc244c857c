using DePin.Index.Store;
using Npgsql;

namespace DePin.Index.Node;

/// <summary>Opens the node's PostgreSQL from a <c>postgresql://</c> URL or an Npgsql connection string and prepares the <c>node</c> tables.</summary>
internal static class NodeDatabase
{
    /// <summary>The Npgsql form of a URL or connection string.</summary>
    /// <exception cref="NodeConfigurationException">when it is neither.</exception>
    public static string ConnectionString(string urlOrConnectionString)
    {
        try
        {
            return urlOrConnectionString.Contains("://", StringComparison.Ordinal)
                ? PostgresUrl.ToConnectionString(urlOrConnectionString)
                : new NpgsqlConnectionStringBuilder(urlOrConnectionString).ConnectionString;
        }
        catch (Exception e) when (e is StoreException or ArgumentException or FormatException)
        {
            throw new NodeConfigurationException($"not a PostgreSQL URL or connection string: {e.Message}", e);
        }
    }

    public static async Task<NpgsqlDataSource> OpenAsync(string urlOrConnectionString, CancellationToken cancellationToken)
    {
        var dataSource = NpgsqlDataSource.Create(ConnectionString(urlOrConnectionString));
        try
        {
            await NodeSchema.EnsureAsync(dataSource, cancellationToken).ConfigureAwait(false);
            return dataSource;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new NodeConfigurationException($"cannot prepare the node's tables in PostgreSQL: {e.Message}", e);
        }
    }
}
