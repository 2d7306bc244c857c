using DePin.Index.Runtime.Tests.Triggers;
using Wasmtime;

namespace DePin.Index.Runtime.Tests.Loading;

/// <summary>
/// Checks the bytes the host writes, from inside a WAT module whose <c>id_of_type</c> is the
/// identity (so class ids equal graph-node's type indices) and whose <c>allocate</c> returns
/// 16-aligned blocks. A failed check executes <c>unreachable</c>.
/// </summary>
public class LayoutTests
{
    private static byte[] Module(string checks) => Wasmtime.Module.ConvertText($$"""
        (module
          (memory (export "memory") 1)
          (global $heap (mut i32) (i32.const 1024))
          (func (export "allocate") (param $size i32) (result i32)
            (local $ptr i32)
            (local.set $ptr (global.get $heap))
            (global.set $heap (i32.add (global.get $heap) (i32.and (i32.add (local.get $size) (i32.const 15)) (i32.const -16))))
            (local.get $ptr))
          (func (export "id_of_type") (param i32) (result i32) (local.get 0))
          (func (export "_start"))
          (func $expect (param $actual i32) (param $expected i32)
            (if (i32.ne (local.get $actual) (local.get $expected)) (then unreachable)))
          (func $rtSize (param $p i32) (result i32) (i32.load (i32.sub (local.get $p) (i32.const 4))))
          (func $rtId (param $p i32) (result i32) (i32.load (i32.sub (local.get $p) (i32.const 8))))
          (func $mmInfo (param $p i32) (result i32) (i32.load (i32.sub (local.get $p) (i32.const 20))))
          (func (export "handle") (param $e i32)
            {{checks}}))
        """);

    private static void Run(string apiVersion, string checks)
    {
        using var module = MappingModule.Load(Module(checks), apiVersion);
        using var instance = module.CreateInstance();
        instance.Invoke(new HandlerInvocation
        {
            Handler = "handle",
            Trigger = EventTriggerTests.SampleEvent(),
            Store = new InMemoryEntityStore(),
            DataSource = new DataSourceInfo { Name = "T" },
        });
    }

    [Fact]
    public void Objects_have_graph_node_headers_and_alignment()
    {
        Run("0.0.9", """
            ;; ethereum.Event: 8 pointers, class 33, payload 16-aligned, mmInfo = 16 + 32 + 12 padding
            (call $expect (call $rtSize (local.get $e)) (i32.const 32))
            (call $expect (call $rtId (local.get $e)) (i32.const 33))
            (call $expect (call $mmInfo (local.get $e)) (i32.const 60))
            (call $expect (i32.and (local.get $e) (i32.const 15)) (i32.const 0))
            ;; address: Uint8Array (class 6) {buffer, dataStart = buffer, byteLength 20}
            (call $expect (call $rtSize (i32.load (local.get $e))) (i32.const 12))
            (call $expect (call $rtId (i32.load (local.get $e))) (i32.const 6))
            (call $expect (i32.load offset=4 (i32.load (local.get $e))) (i32.load (i32.load (local.get $e))))
            (call $expect (i32.load offset=8 (i32.load (local.get $e))) (i32.const 20))
            ;; its ArrayBuffer (class 1): rtSize 20, capacity to the next power of two of 40 → mmInfo 16 + 44
            (call $expect (call $rtSize (i32.load (i32.load (local.get $e)))) (i32.const 20))
            (call $expect (call $rtId (i32.load (i32.load (local.get $e)))) (i32.const 1))
            (call $expect (call $mmInfo (i32.load (i32.load (local.get $e)))) (i32.const 60))
            ;; logType is null; receipt not requested
            (call $expect (i32.load offset=12 (local.get $e)) (i32.const 0))
            (call $expect (i32.load offset=28 (local.get $e)) (i32.const 0))
            ;; block: 15 pointers (Block_0_0_6 with baseFeePerGas), class 25; tx: 9 pointers (Tx_0_0_6), class 24
            (call $expect (call $rtSize (i32.load offset=16 (local.get $e))) (i32.const 60))
            (call $expect (call $rtId (i32.load offset=16 (local.get $e))) (i32.const 25))
            (call $expect (call $rtSize (i32.load offset=20 (local.get $e))) (i32.const 36))
            (call $expect (call $rtId (i32.load offset=20 (local.get $e))) (i32.const 24))
            ;; parameters: Array<EventParam> (class 19) {buffer, dataStart, byteLength 52, length 13}
            (call $expect (call $rtId (i32.load offset=24 (local.get $e))) (i32.const 19))
            (call $expect (i32.load offset=8 (i32.load offset=24 (local.get $e))) (i32.const 52))
            (call $expect (i32.load offset=12 (i32.load offset=24 (local.get $e))) (i32.const 13))
            """);
    }

    [Fact]
    public void Api_0_0_6_events_have_no_receipt_field()
    {
        Run("0.0.6", """
            (call $expect (call $rtSize (local.get $e)) (i32.const 28))
            (call $expect (call $rtSize (i32.load offset=16 (local.get $e))) (i32.const 60))
            (call $expect (call $rtSize (i32.load offset=20 (local.get $e))) (i32.const 36))
            """);
    }

    [Fact]
    public void Api_0_0_5_uses_block_without_base_fee_and_transaction_without_nonce()
    {
        Run("0.0.5", """
            (call $expect (call $rtSize (local.get $e)) (i32.const 28))
            (call $expect (call $rtSize (i32.load offset=16 (local.get $e))) (i32.const 56))
            (call $expect (call $rtSize (i32.load offset=20 (local.get $e))) (i32.const 32))
            """);
    }

    [Fact]
    public void A_failing_check_is_reported_so_the_checks_can_fail()
    {
        Assert.Throws<DeterministicMappingException>(() => Run("0.0.9", "(call $expect (call $rtSize (local.get $e)) (i32.const 31))"));
    }
}
