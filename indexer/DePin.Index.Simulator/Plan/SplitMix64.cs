namespace DePin.Index.Simulator.Plan;

/// <summary>
/// SplitMix64: a tiny pseudo-random generator whose sequence is fixed by its seed on every platform and
/// .NET version (System.Random's seeded sequence is an implementation detail we don't rely on).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, maxExclusive) without modulo bias.</summary>
    public long Next(long maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        var bound = (ulong)maxExclusive;
        var threshold = (0 - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            if (r >= threshold) return (long)(r % bound);
        }
    }

    /// <summary>Uniform in [min, max] inclusive.</summary>
    public long Between(long min, long max) => min + Next(max - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;
}
