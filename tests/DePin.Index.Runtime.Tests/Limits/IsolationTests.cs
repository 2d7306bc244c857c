using DePin.Index.Runtime.Tests.Fixtures;

namespace DePin.Index.Runtime.Tests.Limits;

public class IsolationTests
{
    [Fact]
    public async Task Instances_on_different_threads_are_independent_even_when_one_fails()
    {
        var device = WasmFixtures.Get("device");
        using var module = MappingModule.Load(device, "0.0.9");
        var stores = new[] { new InMemoryEntityStore(), new InMemoryEntityStore() };
        var tasks = stores.Select(store => Task.Run(() =>
        {
            using var instance = module.CreateInstance();
            var call = new HandlerInvocation { Handler = "handleDeviceRegistered", Trigger = RuntimeBenchmarks.DeviceRegistered(0), Store = store, DataSource = new DataSourceInfo { Name = "D" } };
            for (var i = 0; i < 3_000; i++)
            {
                instance.Invoke(call with { Trigger = RuntimeBenchmarks.DeviceRegistered(i) });
            }
        })).ToList();

        using (var failing = new Harness("failures", options: new MappingHostOptions { FuelPerHandler = 50_000_000 }))
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Throws<DeterministicMappingException>(() => failing.Run("handleInfiniteLoop"));
            }
        }

        await Task.WhenAll(tasks);
        Assert.Equal(stores[0].All("Device").Keys.Order(), stores[1].All("Device").Keys.Order());
        Assert.All(stores, s => Assert.Equal(1_000, s.All("Owner").Count));
        Assert.Equal(stores[0].All("Owner")[stores[0].All("Owner").Keys.First()], stores[1].All("Owner")[stores[0].All("Owner").Keys.First()]);
    }
}
