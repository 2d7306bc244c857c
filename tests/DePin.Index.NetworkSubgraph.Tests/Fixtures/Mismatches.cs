using System.Numerics;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.NetworkSubgraph.Tests.Fixtures;

/// <summary>Every difference found between the subgraph's entities and the contracts' state, reported at once.</summary>
internal sealed class Mismatches
{
    private readonly List<string> _found = [];

    /// <summary>Comparisons made (so a test can show it compared something).</summary>
    public int Checked { get; private set; }

    public void Equal<T>(T expected, T actual, string what)
    {
        Checked++;
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _found.Add($"{what}: contracts {expected}, subgraph {actual}");
        }
    }

    public void True(bool condition, string what)
    {
        Checked++;
        if (!condition)
        {
            _found.Add(what);
        }
    }

    public void AssertNone()
    {
        if (_found.Count > 0)
        {
            Assert.Fail($"{_found.Count} of {Checked} comparisons differ:\n{string.Join("\n", _found.Take(60))}");
        }
    }

    public static BigInteger Big(Entity e, string field) => e[field].AsBigInt();

    public static long Long(Entity e, string field) => (long)e[field].AsBigInt();

    public static int Int(Entity e, string field) => e[field].AsInt();

    public static string Hex(Entity e, string field) => "0x" + Convert.ToHexStringLower(e[field].AsBytes().Span);

    /// <summary>An ABI value (byte[] for bytesN, or anything printing as 0x hex) as lower-case 0x hex.</summary>
    public static string Hex(object value) => value switch
    {
        byte[] b => "0x" + Convert.ToHexStringLower(b),
        _ => value.ToString()!.ToLowerInvariant(),
    };
}
