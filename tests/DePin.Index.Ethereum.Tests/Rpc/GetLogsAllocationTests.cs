using System.Text;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Ethereum.Tests.Rpc;

/// <summary>Memory of a streamed eth_getLogs answer: bounded by the parsed logs, not by the JSON.</summary>
[Collection(MeasurementCollection.Name)]
public sealed class GetLogsAllocationTests
{
    [Fact]
    public async Task Parsing_allocates_less_than_the_body_it_reads()
    {
        // 20,000 anvil-shaped logs ≈ 12.5 MB of JSON; the parsed logs take ≈ 7 MB (measured: 0.58 of the body). A JsonDocument (or a buffered string) alone would allocate
        // at least the body; the streaming reader allocates the logs and a pooled buffer for one element.
        var logsJson = LogJson.Logs(77, 20_000);
        var bodies = new[] { 1, 2 }.Select(id => Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{logsJson}}}")).ToArray();
        var body = bodies[1];
        await using var server = new FaultServer(async (r, s, ct) =>
        {
            var body = bodies[r.Index]; // prepared up front: the in-process server must not allocate while we measure
            await FaultServer.WriteHeadAsync(s, 200, [$"Content-Length: {body.Length}", "Content-Type: application/json"]);
            await s.WriteAsync(body, ct);
            return true;
        });
        using var client = FaultClients.For(server, maxResponseBytes: 50_000_000);
        var eth = new EthRpc(client);
        await eth.GetLogsAsync(LogFilter.Range(77, 77)); // warm-up: JIT, connection, pools

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var logs = await eth.GetLogsAsync(LogFilter.Range(77, 77));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(20_000, logs.Count);
        Assert.True(allocated < body.Length * 0.75, $"allocated {allocated:N0} bytes for a {body.Length:N0}-byte body");
    }
}
