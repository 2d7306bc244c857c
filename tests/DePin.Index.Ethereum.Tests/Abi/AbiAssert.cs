using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Tests.Abi;

/// <summary>Deep equality of decoded ABI values (BigInteger, Address, bool, byte[], string, object[]).</summary>
internal static class AbiAssert
{
    public static void DeepEqual(object? expected, object? actual, string path = "value")
    {
        switch (expected)
        {
            case BigInteger e:
                Assert.True(actual is BigInteger b1 && b1 == e, $"{path}: expected {e}, got {Show(actual)}");
                break;
            case Address e:
                Assert.True(actual is Address a1 && a1 == e, $"{path}: expected {e}, got {Show(actual)}");
                break;
            case bool e:
                Assert.True(actual is bool f1 && f1 == e, $"{path}: expected {e}, got {Show(actual)}");
                break;
            case byte[] e:
                Assert.True(actual is byte[] y1 && y1.AsSpan().SequenceEqual(e), $"{path}: expected {Hex.Encode(e)}, got {Show(actual)}");
                break;
            case string e:
                Assert.True(actual is string s1 && s1 == e, $"{path}: expected \"{e}\", got {Show(actual)}");
                break;
            case object[] e:
                var array = Assert.IsType<object[]>(actual);
                Assert.True(e.Length == array.Length, $"{path}: expected {e.Length} items, got {array.Length}");
                for (var i = 0; i < e.Length; i++) DeepEqual(e[i], array[i], $"{path}[{i}]");
                break;
            default:
                Assert.Fail($"{path}: unexpected expected-value type {expected?.GetType().Name ?? "null"}");
                break;
        }
    }

    private static string Show(object? v) => v switch
    {
        null => "null",
        byte[] b => Hex.Encode(b),
        _ => $"{v} ({v.GetType().Name})",
    };
}
