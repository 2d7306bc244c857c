using DePin.Index.Runtime.Wasm;
using Wasmtime;

namespace DePin.Index.Runtime.Hosting;

/// <summary>The values of a module's mutable globals (re-exported by <see cref="WasmModuleRewriter"/>), restorable without boxing.</summary>
internal sealed class GlobalSnapshot
{
    private readonly List<(Global.Accessor<int> Global, int Value)> _i32 = [];
    private readonly List<(Global.Accessor<long> Global, long Value)> _i64 = [];
    private readonly List<(Global.Accessor<float> Global, float Value)> _f32 = [];
    private readonly List<(Global.Accessor<double> Global, double Value)> _f64 = [];

    public static GlobalSnapshot Capture(Instance instance, IReadOnlyList<MutableGlobalExport> globals)
    {
        var snapshot = new GlobalSnapshot();
        foreach (var export in globals)
        {
            var global = instance.GetGlobal(export.ExportName)
                ?? throw new InvalidOperationException($"re-exported global {export.ExportName} is missing");
            switch (export.ValueType)
            {
                case 0x7F:
                    var i32 = global.Wrap<int>()!;
                    snapshot._i32.Add((i32, i32.GetValue()));
                    break;
                case 0x7E:
                    var i64 = global.Wrap<long>()!;
                    snapshot._i64.Add((i64, i64.GetValue()));
                    break;
                case 0x7D:
                    var f32 = global.Wrap<float>()!;
                    snapshot._f32.Add((f32, f32.GetValue()));
                    break;
                default:
                    var f64 = global.Wrap<double>()!;
                    snapshot._f64.Add((f64, f64.GetValue()));
                    break;
            }
        }

        return snapshot;
    }

    public void Restore()
    {
        foreach (var (global, value) in _i32)
        {
            global.SetValue(value);
        }

        foreach (var (global, value) in _i64)
        {
            global.SetValue(value);
        }

        foreach (var (global, value) in _f32)
        {
            global.SetValue(value);
        }

        foreach (var (global, value) in _f64)
        {
            global.SetValue(value);
        }
    }
}
