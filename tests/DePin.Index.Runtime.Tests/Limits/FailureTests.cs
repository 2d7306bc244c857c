using System.Diagnostics;
using DePin.Index.Runtime.Tests.Fixtures;

namespace DePin.Index.Runtime.Tests.Limits;

public class FailureTests
{
    private static readonly MappingHostOptions Tight = new()
    {
        FuelPerHandler = 200_000_000,
        MaxMemoryBytes = 16L * 1024 * 1024,
        HandlerTimeout = TimeSpan.FromSeconds(20),
    };

    [Fact]
    public void Abort_names_file_line_and_message()
    {
        using var h = new Harness("failures");
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleAbort"));
        Assert.Matches(@"^handler 'handleAbort' at block #1: Mapping aborted at failures\.ts, line \d+, column \d+, with message: block number must be negative$", e.Message);
    }

    [Fact]
    public void Thrown_error_aborts()
    {
        using var h = new Harness("failures");
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleThrow"));
        Assert.True(e.Message.Contains("with message: thrown on purpose", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Log_levels_reach_the_sink_and_critical_fails()
    {
        using var h = new Harness("failures");
        h.Run("handleLogs");
        Assert.Equal(
            [(MappingLogLevel.Debug, "debug d"), (MappingLogLevel.Info, "info a b"), (MappingLogLevel.Warning, "warning"), (MappingLogLevel.Error, "error 1")],
            h.Logs);

        h.Logs.Clear();
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleCritical"));
        Assert.EndsWith("Critical error logged in mapping with log message: fatal: stop", e.Message, StringComparison.Ordinal);
        Assert.Equal([(MappingLogLevel.Critical, "fatal: stop")], h.Logs);
    }

    [Fact]
    public void Infinite_loop_runs_out_of_fuel()
    {
        using var h = new Harness("failures", options: Tight);
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleInfiniteLoop"));
        Assert.True(e.Message.Contains("out of fuel", StringComparison.Ordinal), e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Infinite_loop_hits_the_wall_clock_limit()
    {
        var options = new MappingHostOptions { FuelPerHandler = ulong.MaxValue / 2, HandlerTimeout = TimeSpan.FromMilliseconds(300) };
        using var h = new Harness("failures", options: options);
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleInfiniteLoop"));
        Assert.True(e.Message.Contains("wall-clock limit of 300 ms", StringComparison.Ordinal), e.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Huge_allocation_hits_the_memory_cap()
    {
        using var h = new Harness("failures", options: Tight);
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleHugeAllocation"));
        Assert.True(e.Message.Contains("memory limit of 16777216 bytes", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Unreachable_traps()
    {
        using var h = new Harness("failures");
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleUnreachable"));
        Assert.True(e.Message.Contains("wasm trap", StringComparison.Ordinal), e.Message);
        Assert.True(e.Message.Contains("unreachable", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Deep_recursion_overflows_the_stack()
    {
        using var h = new Harness("failures");
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run("handleDeepRecursion"));
        Assert.True(e.Message.Contains("stack overflow", StringComparison.Ordinal), e.Message);
    }

    [Theory]
    [InlineData("handleHostilePointer", "Heap access out of bounds")]
    [InlineData("handleNullPointer", "Tried to read AssemblyScript value that is 'null'")]
    [InlineData("handleHostileLength", "Heap access out of bounds")]
    public void Hostile_pointers_give_deterministic_errors(string handler, string message)
    {
        using var h = new Harness("failures");
        var e = Assert.Throws<DeterministicMappingException>(() => h.Run(handler));
        Assert.True(e.Message.Contains(message, StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void The_instance_recovers_after_every_kind_of_failure()
    {
        using var h = new Harness("failures", options: Tight);
        foreach (var handler in new[] { "handleAbort", "handleInfiniteLoop", "handleHugeAllocation", "handleUnreachable", "handleDeepRecursion", "handleHostilePointer" })
        {
            Assert.Throws<DeterministicMappingException>(() => h.Run(handler));
            h.Run("handleLogs");
        }

        Assert.True(h.Result("logs")["done"].AsBool());

        // The huge allocation left a memory larger than MaxPooledMemoryBytes: that instance was replaced.
        Assert.True(h.Instance.Instantiations >= 2, $"instantiations: {h.Instance.Instantiations}");
        Assert.True(h.Instance.MemoryBytes <= new MappingHostOptions().MaxPooledMemoryBytes, $"memory: {h.Instance.MemoryBytes}");
    }

    [Fact]
    public void Each_call_sees_a_fresh_module_state()
    {
        using var h = new Harness("failures");
        for (var block = 1; block <= 3; block++)
        {
            h.Run("handleCounter", new DePin.Index.Runtime.Triggers.BlockTrigger { Block = Harness.Block(block) });
        }

        for (var block = 1; block <= 3; block++)
        {
            Assert.Equal(1, h.Result($"counter-{block}")["counter"].AsInt());
        }
    }
}
