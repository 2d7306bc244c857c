using System.Collections.Concurrent;
using DePin.Index.Devnet;
using DePin.Index.TestSupport;
using StackExchange.Redis;

namespace DePin.Index.Live.Tests;

public sealed class RedisNoticeTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Notices_cross_connections_in_order_and_by_deployment()
    {
        var prefix = RedisFixture.NewPrefix();
        await using var publisher = await RedisBlockNoticeBus.ConnectAsync(redis.Endpoint, prefix);
        var metrics = new LiveMetrics();
        await using var subscriber = await RedisBlockNoticeBus.ConnectAsync(redis.Endpoint, prefix, metrics);
        var all = new ConcurrentQueue<BlockNotice>();
        var onlyA = new ConcurrentQueue<BlockNotice>();
        await using var s1 = await subscriber.SubscribeAsync(null, n => { all.Enqueue(n); return ValueTask.CompletedTask; });
        await using var s2 = await subscriber.SubscribeAsync("QmA", n => { onlyA.Enqueue(n); return ValueTask.CompletedTask; });
        for (var i = 1; i <= 50; i++)
        {
            await publisher.PublishAsync(new BlockNotice(i % 2 == 0 ? "QmA" : "QmB", i, $"0x{i:x2}", i % 3 == 0 ? ["Device"] : []));
        }

        await Until(() => all.Count == 50);
        await Until(() => onlyA.Count == 25);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), all.Select(n => n.BlockNumber));
        Assert.All(onlyA, n => Assert.Equal("QmA", n.DeploymentId));
        Assert.Equal(["Device"], all.Single(n => n.BlockNumber == 3).EntityTypes);
        Assert.All(all, n => Assert.True(n.PublishedAtMicros > 0));
        Assert.Equal(75, metrics.NoticesReceived);
    }

    [Fact]
    public async Task A_malformed_message_is_counted_and_later_notices_still_arrive()
    {
        var prefix = RedisFixture.NewPrefix();
        var metrics = new LiveMetrics();
        await using var bus = await RedisBlockNoticeBus.ConnectAsync(redis.Endpoint, prefix, metrics);
        var got = new ConcurrentQueue<BlockNotice>();
        await using var s = await bus.SubscribeAsync(null, n => { got.Enqueue(n); return ValueTask.CompletedTask; });
        await using var raw = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        await raw.GetSubscriber().PublishAsync(RedisChannel.Literal(bus.ChannelOf("QmZ")), "{not json");
        await raw.GetSubscriber().PublishAsync(RedisChannel.Literal(bus.ChannelOf("QmZ")), """{"deployment":"QmZ"}""");
        await bus.PublishAsync(new BlockNotice("QmZ", 9, "0x09", []));
        await Until(() => got.Count == 1);
        Assert.Equal(9, got.Single().BlockNumber);
        await Until(() => metrics.NoticeFailures == 2);
    }

    [Fact]
    public async Task A_failing_handler_keeps_its_subscription()
    {
        var prefix = RedisFixture.NewPrefix();
        await using var bus = await RedisBlockNoticeBus.ConnectAsync(redis.Endpoint, prefix);
        var seen = new ConcurrentQueue<long>();
        await using var s = await bus.SubscribeAsync("QmF", n =>
        {
            seen.Enqueue(n.BlockNumber);
            return n.BlockNumber == 1 ? throw new InvalidOperationException("boom") : ValueTask.CompletedTask;
        });
        await bus.PublishAsync(new BlockNotice("QmF", 1, "0x01", []));
        await bus.PublishAsync(new BlockNotice("QmF", 2, "0x02", []));
        await Until(() => seen.Count == 2);
    }

    [Fact]
    public async Task Publishing_without_a_reachable_Redis_does_not_throw()
    {
        var metrics = new LiveMetrics();
        await using var bus = await RedisBlockNoticeBus.ConnectAsync($"127.0.0.1:{FreePort.Pick()}", "x:", metrics);
        await bus.PublishAsync(new BlockNotice("QmD", 1, "0x01", []));
        Assert.Equal(1, metrics.NoticeFailures);
        Assert.Equal(0, metrics.NoticesPublished);
    }

    [Fact]
    public async Task The_in_process_bus_delivers_the_same_way()
    {
        await using var bus = new InProcessBlockNoticeBus();
        var got = new ConcurrentQueue<BlockNotice>();
        await using var s = await bus.SubscribeAsync("QmA", n => { got.Enqueue(n); return ValueTask.CompletedTask; });
        await bus.PublishAsync(new BlockNotice("QmB", 1, "0x01", []));
        await bus.PublishAsync(new BlockNotice("QmA", 2, "0x02", ["Device"]));
        await Until(() => got.Count == 1);
        Assert.Equal(2, got.Single().BlockNumber);
    }

    internal static async Task Until(Func<bool> condition, int timeoutMs = 5000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, "the condition did not come true in time");
            await Task.Delay(5);
        }
    }
}
