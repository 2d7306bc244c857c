using Polly;
using Polly.Retry;

namespace DePin.Index.Ethereum.Rpc.Internal;

/// <summary>
/// The retry policy in one place: transient transport failures and truncated/unparseable bodies are retried
/// with exponential backoff and jitter; a server's Retry-After replaces the computed delay. JSON-RPC errors,
/// malformed-but-complete answers, oversized answers and the caller's cancellation are not retried.
/// </summary>
internal static class RetryPipeline
{
    public static ResiliencePipeline Create(JsonRpcClientOptions options)
    {
        if (options.MaxRetries == 0) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<RpcTransportException>(e => e.IsTransient)
                    .Handle<RpcProtocolException>(e => e.IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = static args =>
                    new ValueTask<TimeSpan?>(args.Outcome.Exception is RpcTransportException { RetryAfter: { } after } ? after : null),
            })
            .Build();
    }
}
