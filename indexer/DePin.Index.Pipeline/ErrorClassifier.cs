using DePin.Index.Chain;
using DePin.Index.Indexing;
using DePin.Index.Runtime;
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
/// <item>everything else — <see cref="Store.StoreException"/> (database errors, and a write the store refuses: the runner
/// reloads its state from the store before trying again, which cures a stale cache), <see cref="BlockStreamException"/>,
/// JSON-RPC and HTTP errors, timeouts, and unexpected exceptions → <see cref="ErrorKind.NonDeterministic"/>: retried with
/// backoff, never skipping a block. An unknown error is never taken as deterministic: failing a deployment is final.</item>
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
            _ when runnerToken.IsCancellationRequested && e is ObjectDisposedException => ErrorKind.Cancelled,
            _ => ErrorKind.NonDeterministic,
        };
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
