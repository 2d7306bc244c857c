using DePin.Index.Runtime.Triggers;
using Wasmtime;

namespace DePin.Index.Runtime.Tests.Loading;

public class ModuleLoadingTests
{
    /// <summary>The exports a graph-cli module has, implemented minimally in WAT.</summary>
    private const string Runtime = """
          (memory (export "memory") 1)
          (global $heap (mut i32) (i32.const 1024))
          (func (export "allocate") (param $size i32) (result i32)
            (local $ptr i32)
            (local.set $ptr (global.get $heap))
            (global.set $heap (i32.add (global.get $heap) (i32.and (i32.add (local.get $size) (i32.const 15)) (i32.const -16))))
            (local.get $ptr))
          (func (export "id_of_type") (param i32) (result i32) (local.get 0))
          (func (export "_start"))
        """;

    private static byte[] Wat(string body) => Module.ConvertText($"(module {body} {Runtime})");

    private static HandlerInvocation Call(string handler) => new()
    {
        Handler = handler,
        Trigger = new BlockTrigger { Block = Fixtures.Harness.Block() },
        Store = new InMemoryEntityStore(),
        DataSource = new DataSourceInfo { Name = "T" },
    };

    [Fact]
    public void Malformed_bytes_are_refused()
    {
        var e = Assert.Throws<MappingModuleException>(() => MappingModule.Load([0, 1, 2, 3, 4, 5, 6, 7, 8], "0.0.9"));
        Assert.StartsWith("malformed WebAssembly module", e.Message, StringComparison.Ordinal);
        var truncated = Wat("")[..20];
        Assert.Throws<MappingModuleException>(() => MappingModule.Load(truncated, "0.0.9"));
    }

    [Fact]
    public void Unknown_import_is_named_at_load_time()
    {
        var wasm = Wat("""(import "env" "launchMissiles" (func (param i32)))""");
        var e = Assert.Throws<MappingModuleException>(() => MappingModule.Load(wasm, "0.0.9"));
        Assert.Equal("unknown import 'env.launchMissiles': the host provides no function named 'launchMissiles'", e.Message);
    }

    [Fact]
    public void Imports_resolve_by_name_whatever_the_module_name()
    {
        var wasm = Wat("""
            (import "numbers" "bigInt.plus" (func (param i32 i32) (result i32)))
            (import "whatever/else" "bigInt.plus" (func (param i32 i32) (result i32)))
            (func (export "handle") (param i32))
            """);
        using var module = MappingModule.Load(wasm, "0.0.9");
        using var instance = module.CreateInstance();
        instance.Invoke(Call("handle"));
        Assert.Contains("handle", module.Handlers);
    }

    [Theory]
    [InlineData("""(import "env" "bigInt.plus" (func (param i32) (result i32)))""", "import 'env.bigInt.plus' has signature")]
    [InlineData("""(import "env" "mem" (memory 1))""", "import 'env.mem' is a memory")]
    [InlineData("""(import "env" "g" (global i32))""", "import 'env.g' is a global")]
    public void Incompatible_imports_are_refused(string import, string message)
    {
        var e = Assert.Throws<MappingModuleException>(() => MappingModule.Load(Wat(import), "0.0.9"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.4")]
    [InlineData("0.0.10")]
    [InlineData("1.0")]
    [InlineData("latest")]
    public void Unsupported_api_versions_are_refused(string version)
    {
        Assert.Throws<MappingModuleException>(() => MappingModule.Load(Wat(""), version));
    }

    [Fact]
    public void Required_exports_are_checked()
    {
        var wasm = Module.ConvertText("""(module (memory (export "memory") 1) (func (export "_start")))""");
        var e = Assert.Throws<MappingModuleException>(() => MappingModule.Load(wasm, "0.0.9"));
        Assert.Contains("'allocate(i32) -> i32'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_but_unsupported_graph_ts_functions_fail_when_called()
    {
        var wasm = Wat("""
            (import "index" "ipfs.map" (func $map (param i32 i32 i32 i32)))
            (func (export "handle") (param i32) (call $map (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
            """);
        using var module = MappingModule.Load(wasm, "0.0.9");
        using var instance = module.CreateInstance();
        var e = Assert.Throws<DeterministicMappingException>(() => instance.Invoke(Call("handle")));
        Assert.EndsWith("`ipfs.map` is not supported by this indexer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Globals_memory_and_start_are_reset_like_a_fresh_instance()
    {
        // The handler traps unless it sees the post-start state: counter 0, byte 100 zero, start run once.
        var wasm = Wat("""
            (global $counter (mut i32) (i32.const 0))
            (global $starts (mut i32) (i32.const 0))
            (global $wide (mut i64) (i64.const 5))
            (func $start (global.set $starts (i32.add (global.get $starts) (i32.const 1))))
            (start $start)
            (func (export "handle") (param i32)
              (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
              (if (i32.ne (global.get $counter) (i32.const 1)) (then unreachable))
              (if (i32.ne (global.get $starts) (i32.const 1)) (then unreachable))
              (if (i64.ne (global.get $wide) (i64.const 5)) (then unreachable))
              (global.set $wide (i64.const 6))
              (if (i32.ne (i32.load8_u (i32.const 100)) (i32.const 0)) (then unreachable))
              (i32.store8 (i32.const 100) (i32.const 1))
              (drop (memory.grow (i32.const 1)))
              (if (i32.ne (i32.load8_u (i32.const 70000)) (i32.const 0)) (then unreachable))
              (i32.store8 (i32.const 70000) (i32.const 1)))
            """);
        using var module = MappingModule.Load(wasm, "0.0.9");
        using var instance = module.CreateInstance();
        for (var i = 0; i < 5; i++)
        {
            instance.Invoke(Call("handle"));
        }

        Assert.Equal(1, instance.Instantiations);
    }
}
