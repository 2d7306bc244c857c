using DePin.Index.Chain.Internal;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;

namespace DePin.Index.Chain.Tests.Internal;

/// <summary>The stream's pure parts: adaptive range, recent chain, failure classification, options.</summary>
public class StreamPartsTests
{
    private static BlockPtr Ptr(long n) => new(n, Hash32.Of($"block {n}"));

    [Fact]
    public void The_range_doubles_after_small_full_ranges_and_shrinks_after_large_ones_or_refusals()
    {
        var options = new BlockStreamOptions { InitialBlockRange = 100, MaxBlockRange = 400, MinBlockRange = 10, TargetLogsPerRange = 1000 };
        var diagnostics = new BlockStreamDiagnostics();
        var range = new AdaptiveRange(options, diagnostics);
        var sizes = new List<int>();
        range.Succeeded(100, 10); sizes.Add(range.Size);    // small → 200
        range.Succeeded(50, 10); sizes.Add(range.Size);     // cut short before the head: says nothing → 200
        range.Succeeded(200, 10); sizes.Add(range.Size);    // → 400
        range.Succeeded(400, 10); sizes.Add(range.Size);    // at the max → 400
        range.Succeeded(400, 700); sizes.Add(range.Size);   // near the target → 400
        range.Succeeded(400, 2500); sizes.Add(range.Size);  // 2.5× the target: to the density's fit, 400 × 1000 / 2500 → 160
        Assert.True(range.Refused()); sizes.Add(range.Size); // → 80
        Assert.True(range.Refused()); sizes.Add(range.Size); // → 40
        Assert.True(range.Refused()); sizes.Add(range.Size); // → 20
        Assert.True(range.Refused()); sizes.Add(range.Size); // → 10 (the min)
        Assert.False(range.Refused()); sizes.Add(range.Size);
        Assert.Equal([200, 200, 400, 400, 400, 160, 80, 40, 20, 10, 10], sizes);
        Assert.Equal((2, 5), (diagnostics.RangeGrows, diagnostics.RangeShrinks));
        Assert.Equal(10, diagnostics.CurrentRangeSize);
    }

    [Fact]
    public void A_dense_range_shrinks_at_once_to_the_size_that_fits_the_target()
    {
        var options = new BlockStreamOptions { InitialBlockRange = 100, TargetLogsPerRange = 20_000 };
        var range = new AdaptiveRange(options, new BlockStreamDiagnostics());
        range.Succeeded(100, 107_000);      // 1,070 logs per block → 18 blocks hold 20,000
        Assert.Equal(18, range.Size);
        range.Succeeded(18, 19_500);        // on target: stays
        Assert.Equal(18, range.Size);
        range.Succeeded(18, 2_000_000);     // absurdly dense: down to the minimum
        Assert.Equal(1, range.Size);
    }

    [Fact]
    public void The_recent_chain_keeps_the_newest_blocks_and_forgets_above_a_revert()
    {
        var chain = new RecentChain(5);
        foreach (var n in new long[] { 1, 2, 4, 7, 8, 9 }) chain.Add(Ptr(n));
        Assert.Equal([9L, 8, 7, 4, 2], chain.NewestFirst().Select(b => b.Number));
        Assert.True(chain.TryGet(7, out var seven));
        Assert.Equal(Ptr(7), seven);
        Assert.False(chain.TryGet(5, out _));
        chain.TrimAbove(7);
        Assert.Equal([7L, 4, 2], chain.NewestFirst().Select(b => b.Number));
        chain.Add(Ptr(4) with { Hash = Hash32.Of("other branch") });   // re-adding a height replaces it and what follows
        Assert.Equal([4L, 2], chain.NewestFirst().Select(b => b.Number));
        Assert.Equal(Hash32.Of("other branch"), chain.NewestFirst().First().Hash);
        var clone = chain.Clone();
        clone.Add(Ptr(5));
        Assert.Equal(2, chain.Count);
        Assert.Equal(3, clone.Count);
    }

    public static TheoryData<Exception, bool, bool> Failures() => new()
    {
        // exception, shrink the range?, fatal?
        { new JsonRpcException("eth_getLogs", -32005, "query returned more than 10000 results", null), true, false },
        { new JsonRpcException("eth_getLogs", -32000, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range", null), true, false },
        { new JsonRpcException("eth_getLogs", -32602, "query exceeds max results 20000, retry with the range 1-50", null), true, false },
        { new JsonRpcException("eth_getLogs", -32000, "internal error", null), false, false },
        { new JsonRpcException("eth_getLogs", -32601, "the method eth_getLogs does not exist/is not available", null), false, true },
        { new JsonRpcException("eth_getLogs", -32602, "invalid argument 0: hex string without 0x prefix", null), false, true },
        { new RpcTransportException("HTTP 503 Service Unavailable"), false, false },
        { new RpcProtocolException("eth_getLogs: malformed answer"), false, false },
        { new RpcResponseTooLargeException("too large"), true, false },
        { new ChainDataException("block #5 is missing"), false, false },
        { new TriggerException("Token", 5, "Multiple handlers"), false, true },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Failures_are_classified_in_one_place(Exception e, bool tooLarge, bool fatal)
    {
        Assert.Equal(tooLarge, RpcFailure.IsRangeTooLarge(e));
        Assert.Equal(fatal, RpcFailure.IsFatal(e));
    }

    [Theory]
    [InlineData("ReorgThreshold", "BlockStreamOptions.ReorgThreshold must not be negative, got -1")]
    [InlineData("InitialBlockRange", "BlockStreamOptions.InitialBlockRange must be between MinBlockRange (1) and MaxBlockRange (2000), got 5000")]
    [InlineData("PollInterval", "BlockStreamOptions.PollInterval must be positive, got 00:00:00")]
    [InlineData("MaxAttempts", "BlockStreamOptions.MaxAttempts must not be negative (0 = retry for ever), got -2")]
    public void Bad_options_are_named(string item, string message)
    {
        var o = new BlockStreamOptions();
        switch (item)
        {
            case "ReorgThreshold": o.ReorgThreshold = -1; break;
            case "InitialBlockRange": o.InitialBlockRange = 5000; break;
            case "PollInterval": o.PollInterval = TimeSpan.Zero; break;
            default: o.MaxAttempts = -2; break;
        }
        var e = Assert.Throws<ArgumentException>(() => new PollingBlockStream(new NoChain(), [], null, o));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(item, e.ParamName);
    }

    [Fact]
    public void Environment_overrides_apply_over_the_given_defaults()
    {
        const string Name = "DEPIN_TARGET_LOGS_PER_RANGE";
        var before = Environment.GetEnvironmentVariable(Name);
        try
        {
            Environment.SetEnvironmentVariable(Name, "1234");
            var o = BlockStreamOptions.FromEnvironment(new BlockStreamOptions { MaxBlockRange = 77 });
            Assert.Equal((1234, 77, 250), (o.TargetLogsPerRange, o.MaxBlockRange, o.ReorgThreshold));
            Environment.SetEnvironmentVariable(Name, "lots");
            var e = Assert.Throws<ArgumentException>(() => BlockStreamOptions.FromEnvironment());
            Assert.StartsWith("DEPIN_TARGET_LOGS_PER_RANGE must be an integer, got 'lots'", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Name, before);
        }
    }

    /// <summary>A reader that must never be called (for construction-only tests).</summary>
    private sealed class NoChain : IChainReader
    {
        public Task<long> GetHeadNumberAsync(CancellationToken cancellationToken) => throw new InvalidOperationException();
        public Task<IReadOnlyList<Log>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken) => throw new InvalidOperationException();
        public Task<IReadOnlyList<Block?>> GetBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken) => throw new InvalidOperationException();
        public Task<Block?> GetBlockByHashAsync(Hash32 hash, CancellationToken cancellationToken) => throw new InvalidOperationException();
        public Task<IReadOnlyList<RpcTransaction?>> GetTransactionsAsync(IReadOnlyList<Hash32> hashes, CancellationToken cancellationToken) => throw new InvalidOperationException();
        public Task<IReadOnlyList<TransactionReceipt?>> GetReceiptsAsync(IReadOnlyList<Hash32> hashes, CancellationToken cancellationToken) => throw new InvalidOperationException();
    }
}
