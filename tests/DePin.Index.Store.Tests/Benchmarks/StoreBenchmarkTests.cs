using System.Globalization;
using DePin.Index.Store.Benchmarks;
using DePin.Index.Store.Layout;
using DePin.Index.Store.Tests.Fixtures;
using Xunit.Abstractions;

namespace DePin.Index.Store.Tests.Benchmarks;

/// <summary>
/// Runs the write benchmark on the DePIN schema: small by default (a smoke test of the entry point; nothing
/// about speed is asserted); set DEPIN_STORE_BENCH_VERSIONS=300000 for the real measurement, printed to the
/// test output (dotnet test --logger "console;verbosity=detailed").
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreBenchmarkTests(PostgresFixture pg, ITestOutputHelper output)
{
    private static int Versions =>
        int.TryParse(Environment.GetEnvironmentVariable("DEPIN_STORE_BENCH_VERSIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 4_000;

    /// <summary>The default layout (every index, exclusion constraint), and the bulk-sync one (attribute btrees postponed, plain gist index).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_throughput_and_size_of_the_depin_schema(bool bulkSync)
    {
        var result = await StoreBenchmarks.WriteEntitiesPerSecondAsync(pg.ConnectionString, File.ReadAllText(TestSchemas.DepinPath), Versions, blocksPerBatch: Versions > 50_000 ? 100 : 10,
            ddlOptions: new DdlOptions { PostponeAttributeIndexes = bulkSync, ExclusionConstraint = !bulkSync });
        output.WriteLine($"{(bulkSync ? "bulk sync (postponed attribute indexes, no exclusion constraint)" : "all indexes and the exclusion constraint")}: {result}");
        Assert.True(result.Versions >= Versions);
        Assert.InRange(result.RowsInserted, 1, result.Versions);
        Assert.True(result.RowsClosed > 0);
        Assert.True(result.RawBytes > 0 && result.HeapBytes > 0 && result.IndexBytes > 0);
    }
}
