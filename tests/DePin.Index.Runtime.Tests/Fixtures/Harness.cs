using DePin.Index.Ethereum.Primitives;
using DePin.Index.Runtime.Triggers;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.Tests.Fixtures;

/// <summary>Loads a test module and runs its handlers against an in-memory store.</summary>
internal sealed class Harness : IDisposable
{
    public Harness(string fixture, string apiVersion = "0.0.9", MappingHostOptions? options = null, IMappingSchema? schema = null)
    {
        Module = MappingModule.Load(WasmFixtures.Get(fixture), apiVersion, options);
        Instance = Module.CreateInstance();
        Schema = schema;
        Store = new InMemoryEntityStore(schema);
    }

    public MappingModule Module { get; }

    public MappingInstance Instance { get; }

    public IMappingSchema? Schema { get; }

    public InMemoryEntityStore Store { get; }

    public List<(MappingLogLevel Level, string Message)> Logs { get; } = [];

    public DataSourceInfo DataSource { get; set; } = new() { Name = "Test", Network = "devnet" };

    public IEthereumCallAdapter? Ethereum { get; set; }

    public static BlockData Block(long number = 1) => new()
    {
        Number = number,
        Hash = new Hash32(Enumerable.Repeat((byte)0xaa, 32).ToArray()),
        ParentHash = new Hash32(Enumerable.Repeat((byte)0xa9, 32).ToArray()),
        Timestamp = 1_700_000_000 + number,
        GasUsed = 21_000,
        GasLimit = 30_000_000,
        BaseFeePerGas = 1_000_000_000,
    };

    public HandlerResult Run(string handler, MappingTrigger? trigger = null, bool includeReceipt = false) =>
        Instance.Invoke(new HandlerInvocation
        {
            Handler = handler,
            Trigger = trigger ?? new BlockTrigger { Block = Block() },
            Store = Store,
            DataSource = DataSource,
            Schema = Schema,
            Ethereum = Ethereum,
            Log = (level, message) => Logs.Add((level, message)),
            IncludeReceipt = includeReceipt,
        });

    /// <summary>The <c>Result</c> entity a handler stored under <paramref name="id"/>.</summary>
    public Entity Result(string id) =>
        Store.Get("Result", id) ?? throw new Xunit.Sdk.XunitException($"the handler stored no Result '{id}'");

    public void Dispose()
    {
        Instance.Dispose();
        Module.Dispose();
    }
}
