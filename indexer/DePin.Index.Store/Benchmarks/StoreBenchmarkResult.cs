using System.Globalization;

namespace DePin.Index.Store.Benchmarks;

/// <summary>What <see cref="StoreBenchmarks.WriteEntitiesPerSecondAsync"/> measured.</summary>
/// <param name="Versions">Entity changes handed to the store.</param>
/// <param name="RowsInserted">Entity versions inserted (changes of one entity within a block collapse into one).</param>
/// <param name="RowsClosed">Existing versions closed by set-based updates.</param>
/// <param name="Batches">Write transactions.</param>
/// <param name="Elapsed">Time spent inside <see cref="DeploymentStore.WriteAsync"/> (generation excluded).</param>
/// <param name="RawBytes">The bytes of the rows' values: vid, block range, and each value's payload (text as UTF-8, numbers
/// at their size, BigInt as two's-complement bytes, lists as the sum of their elements).</param>
/// <param name="HeapBytes">The tables' main data (pg_relation_size + TOAST), dead tuples of closed versions included.</param>
/// <param name="IndexBytes">All the tables' indexes (pg_indexes_size).</param>
/// <param name="CompactHeapBytes">The tables after <c>vacuum full</c>: live rows only, no dead tuples of closed versions.</param>
/// <param name="CompactIndexBytes">The indexes after <c>vacuum full</c>.</param>
public sealed record StoreBenchmarkResult(long Versions, long RowsInserted, long RowsClosed, int Batches, TimeSpan Elapsed,
    long RawBytes, long HeapBytes, long IndexBytes, long CompactHeapBytes, long CompactIndexBytes)
{
    /// <summary>Inserted versions per second.</summary>
    public double RowsPerSecond => RowsInserted / Elapsed.TotalSeconds;

    /// <summary>Entity changes per second.</summary>
    public double VersionsPerSecond => Versions / Elapsed.TotalSeconds;

    public long StoreBytes => HeapBytes + IndexBytes;

    /// <summary>Tables and indexes over raw bytes.</summary>
    public double StoreRatio => (double)StoreBytes / RawBytes;

    /// <summary>Tables alone over raw bytes.</summary>
    public double HeapRatio => (double)HeapBytes / RawBytes;

    /// <summary>Compacted tables over raw bytes.</summary>
    public double CompactHeapRatio => (double)CompactHeapBytes / RawBytes;

    /// <summary>Compacted tables and indexes over raw bytes.</summary>
    public double CompactStoreRatio => (double)(CompactHeapBytes + CompactIndexBytes) / RawBytes;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Versions:N0} changes → {RowsInserted:N0} rows inserted, {RowsClosed:N0} closed, {Batches} batches in {Elapsed.TotalSeconds:F2} s: " +
        $"{RowsPerSecond:N0} rows/s ({VersionsPerSecond:N0} changes/s); raw {RawBytes / 1048576.0:F1} MiB, tables {HeapBytes / 1048576.0:F1} MiB " +
        $"({HeapRatio:F2}×), indexes {IndexBytes / 1048576.0:F1} MiB, total {StoreRatio:F2}× raw; after vacuum full: tables {CompactHeapRatio:F2}×, " +
        $"total {CompactStoreRatio:F2}× raw");
}
