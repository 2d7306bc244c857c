using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace DePin.Index.Cli.Commands;

/// <summary>A closed-loop HTTP load generator: N workers POST GraphQL requests back to back; req/s and latency percentiles.</summary>
internal static class BenchGraphQLLoad
{
    /// <param name="CpuMicrosPerRequest">CPU time of this process (server and load generator) per request, µs.</param>
    public sealed record Result(string Name, long Requests, long Failures, double Seconds, double P50Ms, double P99Ms, double CpuMicrosPerRequest, string? FirstFailure)
    {
        public double PerSecond => Requests / Seconds;
    }

    /// <summary>A request over HTTP: POST <paramref name="body"/> to <paramref name="url"/>; failed when not 2xx or the answer has errors.</summary>
    public static Func<Random, CancellationToken, Task<string?>> Http(HttpClient http, Uri url, Func<Random, string> body) => async (rng, ct) =>
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body(rng)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(url, content, ct).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        return !response.IsSuccessStatusCode || bytes.AsSpan().IndexOf("\"errors\""u8) >= 0 ? Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 300)]) : null;
    };

    /// <param name="send">Sends one request; returns null on success, else the start of the failed answer.</param>
    public static async Task<Result> RunAsync(string name, Func<Random, CancellationToken, Task<string?>> send, int concurrency, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
    {
        // One request first: the deployment's schema is generated and the code paths compiled before the clock runs.
        await send(new Random(1), ct).ConfigureAwait(false);

        long failures = 0;
        string? firstFailure = null;
        var latencies = new List<long>[concurrency];
        var measuring = false;
        var stop = false;
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var rng = new Random(1000 + w);
            var mine = latencies[w] = new List<long>(100_000);
            while (!Volatile.Read(ref stop))
            {
                var t0 = Stopwatch.GetTimestamp();
                var failure = await send(rng, ct).ConfigureAwait(false);
                var t1 = Stopwatch.GetTimestamp();
                if (failure is not null)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }

                if (Volatile.Read(ref measuring))
                {
                    mine.Add(t1 - t0);
                }
            }
        }, ct)).ToArray();

        await Task.Delay(warmup, ct).ConfigureAwait(false);
        Interlocked.Exchange(ref failures, 0);
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(duration, ct).ConfigureAwait(false);
        Volatile.Write(ref measuring, false);
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers).ConfigureAwait(false);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new Result(name, all.Length, failures, watch.Elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99),
            all.Length == 0 ? double.NaN : cpu.TotalMicroseconds / all.Length, firstFailure);
    }
}
