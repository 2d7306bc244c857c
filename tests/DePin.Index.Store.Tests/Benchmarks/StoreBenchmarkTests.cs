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

    /// <summary>
    /// The default layout (every index, exclusion constraint); graph-node's release layout (plain gist on id and range,
    /// attribute btrees postponed); and <see cref="DdlOptions.BulkSync"/>.
    /// </summary>
    [Theory]
    [InlineData("default")]
    [InlineData("graph-node release")]
    [InlineData("bulk sync")]
    public async Task Write_throughput_and_size_of_the_depin_schema(string layout)
    {
        var options = layout switch
        {
            "default" => DdlOptions.Default,
            "bulk sync" => DdlOptions.BulkSync,
            _ => new DdlOptions { VersionCheck = VersionCheck.GistIndex, PostponeAttributeIndexes = true },
        };
        var result = await StoreBenchmarks.WriteEntitiesPerSecondAsync(pg.ConnectionString, File.ReadAllText(TestSchemas.DepinPath), Versions, blocksPerBatch: Versions > 50_000 ? 100 : 10,
            ddlOptions: options);
        output.WriteLine($"{layout}: {result}");
        Assert.True(result.Versions >= Versions);
        Assert.InRange(result.RowsInserted, 1, result.Versions);
        Assert.True(result.RowsClosed > 0);
        Assert.True(result.RawBytes > 0 && result.HeapBytes > 0 && result.IndexBytes > 0);
    }
}
