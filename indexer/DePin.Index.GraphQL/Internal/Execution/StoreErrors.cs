using Npgsql;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>Database failures as the client should read them (the one place that classifies them).</summary>
internal static class StoreErrors
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> action, GraphQLOptions options, CancellationToken ct)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !ct.IsCancellationRequested)
        {
            throw new QueryException($"the query took longer than the statement timeout of {options.StatementTimeoutMilliseconds} ms and was cancelled");
        }
        catch (PostgresException e)
        {
            throw new QueryException($"the store could not run the query: {e.MessageText}");
        }
        catch (NpgsqlException e) when (!ct.IsCancellationRequested)
        {
            throw new QueryException($"the store is not reachable: {e.Message}");
        }
    }
}
