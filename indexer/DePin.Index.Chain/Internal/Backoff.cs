namespace DePin.Index.Chain.Internal;

/// <summary>Exponential backoff with jitter between attempts of a failing step; gives up after MaxAttempts (0 = never).</summary>
internal sealed class Backoff(BlockStreamOptions options)
{
    public int Failures { get; private set; }

    public void Reset() => Failures = 0;

    /// <summary>Counts a failure and waits; throws <see cref="BlockStreamException"/> once the attempts are spent.</summary>
    public Task WaitAsync(Exception error, string step, long? block, CancellationToken cancellationToken)
    {
        Failures++;
        if (options.MaxAttempts > 0 && Failures >= options.MaxAttempts)
        {
            throw new BlockStreamException($"{step}: giving up after {Failures} attempts: {error.Message}", block, Failures, error);
        }
        var exponent = Math.Min(Failures - 1, 20);
        var delay = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.RetryMaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // jitter, not security
        delay *= 0.5 + (Random.Shared.NextDouble() * 0.5);
#pragma warning restore CA5394
        return Task.Delay(TimeSpan.FromMilliseconds(delay), cancellationToken);
    }
}
