using DePin.Index.Chain;
using DePin.Index.Indexing;
using DePin.Index.Runtime;
using DePin.Index.Store;
using DePin.Index.Subgraph.Manifest;
using DePin.Index.Subgraph.Schema;

namespace DePin.Index.Pipeline;

/// <summary>
/// The one place that decides what a failure means for a deployment (graph-node's deterministic /
/// non-deterministic split; STYLE habit 4). Rules, first match wins:
/// <list type="number">
/// <item>an <see cref="OperationCanceledException"/> while the runner's token is cancelled → <see cref="ErrorKind.Cancelled"/>
/// (one whose token is not the runner's, e.g. an HTTP timeout, is not a stop request and falls through);</item>
/// <item><see cref="IndexingException"/> → its <see cref="IndexingException.IsDeterministic"/> (handler traps, aborts, schema
/// violations, entity conflicts are deterministic; RPC or store trouble inside a handler is not);</item>
/// <item><see cref="TriggerException"/> (a log no handler can be chosen for), <see cref="MappingModuleException"/> (a mapping that
/// cannot be compiled), <see cref="ManifestException"/> and <see cref="SchemaException"/> → deterministic: the deployment cannot
/// index this input, now or later;</item>
/// <item><see cref="StoreException"/> (also inside a <see cref="StoreRefusalException"/>, a write the store refused), by its cause:
/// a PostgreSQL error of class 22 (data exception: a value out of range or malformed) or 23 (integrity constraint: unique,
/// exclusion, check, not-null) → deterministic, the same data is refused alike on every node and at every retry; any other
/// database error (connection lost, class 08/40/53/57/58/XX, an SQL state unknown here) or a transport failure (I/O, socket,
/// timeout) → non-deterministic; no database cause (the store's own check refused the input: an update of an immutable entity,
/// a value PostgreSQL cannot hold, changes out of order) → deterministic, except the refusals about the deployment's state
/// rather than the data — it does not exist (removed meanwhile), the block is committed already (another writer), the block
/// lies before the pruned history — which a reload cures or a stop ends → non-deterministic;</item>
/// <item>everything else — <see cref="BlockStreamException"/>, JSON-RPC and HTTP errors, timeouts, database errors outside the
/// store, and unexpected exceptions → <see cref="ErrorKind.NonDeterministic"/>: retried with backoff, never skipping a block. An
/// unknown error is never taken as deterministic: failing a deployment is final.</item>
/// </list>
/// Wrappers (<see cref="AggregateException"/> with one inner exception) are looked through.
/// </summary>
public static class ErrorClassifier
{
    public static ErrorKind Classify(Exception error, CancellationToken runnerToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var e = Unwrap(error);
        return e switch
        {
            OperationCanceledException when runnerToken.IsCancellationRequested => ErrorKind.Cancelled,
            IndexingException ie => ie.IsDeterministic ? ErrorKind.Deterministic : ErrorKind.NonDeterministic,
            TriggerException or MappingModuleException or ManifestException or SchemaException => ErrorKind.Deterministic,
            StoreRefusalException { InnerException: StoreException se } => ClassifyStore(se),
            StoreException se => ClassifyStore(se),
            _ when runnerToken.IsCancellationRequested && e is ObjectDisposedException => ErrorKind.Cancelled,
            _ => ErrorKind.NonDeterministic,
        };
    }

    /// <summary>A store error, by its cause (rule 4 above).</summary>
    public static ErrorKind ClassifyStore(StoreException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (var cause = error.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause is Npgsql.PostgresException pg)
            {
                return pg.SqlState.StartsWith("22", StringComparison.Ordinal) || pg.SqlState.StartsWith("23", StringComparison.Ordinal)
                    ? ErrorKind.Deterministic
                    : ErrorKind.NonDeterministic;
            }

            if (cause is Npgsql.NpgsqlException or IOException or System.Net.Sockets.SocketException or TimeoutException or System.Data.Common.DbException)
            {
                return ErrorKind.NonDeterministic;
            }
        }

        var message = error.Message;
        return message.Contains("does not exist", StringComparison.Ordinal)
            || message.Contains("is committed already", StringComparison.Ordinal)
            || message.Contains("was pruned", StringComparison.Ordinal)
                ? ErrorKind.NonDeterministic
                : ErrorKind.Deterministic;
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } a)
        {
            e = a.InnerExceptions[0];
        }

        return e;
    }
}
