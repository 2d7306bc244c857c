namespace DePin.Index.Keystore;

/// <summary>
/// scrypt cost for new key files. <see cref="Standard"/> is geth's default (n = 2^18, r = 8, p = 1: about 256 MiB
/// and a second or two); <see cref="Light"/> (n = 2^12, r = 8, p = 6, geth's "light" setting) is for tests and
/// throwaway devnet keys. Reading accepts whatever a file says, within <see cref="Validate"/>'s bounds.
/// </summary>
public sealed record ScryptParameters(int N, int R, int P)
{
    public static readonly ScryptParameters Standard = new(262_144, 8, 1);

    public static readonly ScryptParameters Light = new(4_096, 8, 6);

    /// <summary>n a power of two &gt; 1, r and p ≥ 1, memory 128·n·r at most 2 GiB.</summary>
    /// <exception cref="KeystoreException">a parameter is out of range.</exception>
    public void Validate()
    {
        if (N <= 1 || (N & (N - 1)) != 0) throw new KeystoreException($"scrypt n must be a power of two greater than 1, got {N}");
        if (R < 1 || P < 1) throw new KeystoreException($"scrypt r and p must be at least 1, got r={R}, p={P}");
        if (128L * N * R > 2L << 30) throw new KeystoreException($"scrypt n={N}, r={R} needs more than 2 GiB of memory");
        if ((long)R * P >= 1 << 30) throw new KeystoreException($"scrypt r·p must be below 2^30, got {(long)R * P}");
    }
}
