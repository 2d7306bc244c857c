using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace DePin.Index.Keystore.Internal;

/// <summary>
/// scrypt (RFC 7914) without RFC 7914's bound n &lt; 2^(16·r), which BouncyCastle enforces but geth does not: the
/// published Web3 Secret Storage vector uses n = 2^18 with r = 1. Used only for such parameters; tested equal to
/// BouncyCastle's SCrypt wherever both apply.
/// </summary>
internal static class ScryptCore
{
    public static byte[] Generate(byte[] passphrase, byte[] salt, int n, int r, int p, int dkLen)
    {
        var blockBytes = 128 * r;
        var b = Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, 1, HashAlgorithmName.SHA256, p * blockBytes);
        var words = 32 * r;
        var x = new uint[words];
        var v = new uint[(long)words * n];
        var scratch = new uint[16];
        var y = new uint[words];
        for (var i = 0; i < p; i++)
        {
            var chunk = b.AsSpan(i * blockBytes, blockBytes);
            for (var w = 0; w < words; w++) x[w] = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(4 * w)..]);
            RoMix(x, v, y, scratch, n, r);
            for (var w = 0; w < words; w++) BinaryPrimitives.WriteUInt32LittleEndian(chunk[(4 * w)..], x[w]);
        }
        var dk = Rfc2898DeriveBytes.Pbkdf2(passphrase, b, 1, HashAlgorithmName.SHA256, dkLen);
        CryptographicOperations.ZeroMemory(b);
        Array.Clear(v);
        return dk;
    }

    private static void RoMix(uint[] x, uint[] v, uint[] y, uint[] scratch, int n, int r)
    {
        var words = x.Length;
        for (var i = 0; i < n; i++)
        {
            Array.Copy(x, 0, v, (long)i * words, words);
            BlockMix(x, y, scratch, r);
        }
        for (var i = 0; i < n; i++)
        {
            var j = (int)(x[(2 * r - 1) * 16] & (uint)(n - 1));
            var row = v.AsSpan((int)((long)j * words), words);
            for (var w = 0; w < words; w++) x[w] ^= row[w];
            BlockMix(x, y, scratch, r);
        }
    }

    /// <summary>B → Y0, Y2, …, Y1, Y3, … with Yi = Salsa20/8(Yi-1 ⊕ Bi), Y-1 = B(2r-1).</summary>
    private static void BlockMix(uint[] b, uint[] y, uint[] t, int r)
    {
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(t);
        for (var i = 0; i < 2 * r; i++)
        {
            for (var w = 0; w < 16; w++) t[w] ^= b[i * 16 + w];
            Salsa208(t);
            var target = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
            t.AsSpan().CopyTo(y.AsSpan(target, 16));
        }
        y.AsSpan().CopyTo(b);
    }

    private static void Salsa208(uint[] block)
    {
        Span<uint> x = stackalloc uint[16];
        block.AsSpan().CopyTo(x);
        for (var round = 0; round < 8; round += 2)
        {
            x[4] ^= BitOperations.RotateLeft(x[0] + x[12], 7); x[8] ^= BitOperations.RotateLeft(x[4] + x[0], 9);
            x[12] ^= BitOperations.RotateLeft(x[8] + x[4], 13); x[0] ^= BitOperations.RotateLeft(x[12] + x[8], 18);
            x[9] ^= BitOperations.RotateLeft(x[5] + x[1], 7); x[13] ^= BitOperations.RotateLeft(x[9] + x[5], 9);
            x[1] ^= BitOperations.RotateLeft(x[13] + x[9], 13); x[5] ^= BitOperations.RotateLeft(x[1] + x[13], 18);
            x[14] ^= BitOperations.RotateLeft(x[10] + x[6], 7); x[2] ^= BitOperations.RotateLeft(x[14] + x[10], 9);
            x[6] ^= BitOperations.RotateLeft(x[2] + x[14], 13); x[10] ^= BitOperations.RotateLeft(x[6] + x[2], 18);
            x[3] ^= BitOperations.RotateLeft(x[15] + x[11], 7); x[7] ^= BitOperations.RotateLeft(x[3] + x[15], 9);
            x[11] ^= BitOperations.RotateLeft(x[7] + x[3], 13); x[15] ^= BitOperations.RotateLeft(x[11] + x[7], 18);
            x[1] ^= BitOperations.RotateLeft(x[0] + x[3], 7); x[2] ^= BitOperations.RotateLeft(x[1] + x[0], 9);
            x[3] ^= BitOperations.RotateLeft(x[2] + x[1], 13); x[0] ^= BitOperations.RotateLeft(x[3] + x[2], 18);
            x[6] ^= BitOperations.RotateLeft(x[5] + x[4], 7); x[7] ^= BitOperations.RotateLeft(x[6] + x[5], 9);
            x[4] ^= BitOperations.RotateLeft(x[7] + x[6], 13); x[5] ^= BitOperations.RotateLeft(x[4] + x[7], 18);
            x[11] ^= BitOperations.RotateLeft(x[10] + x[9], 7); x[8] ^= BitOperations.RotateLeft(x[11] + x[10], 9);
            x[9] ^= BitOperations.RotateLeft(x[8] + x[11], 13); x[10] ^= BitOperations.RotateLeft(x[9] + x[8], 18);
            x[12] ^= BitOperations.RotateLeft(x[15] + x[14], 7); x[13] ^= BitOperations.RotateLeft(x[12] + x[15], 9);
            x[14] ^= BitOperations.RotateLeft(x[13] + x[12], 13); x[15] ^= BitOperations.RotateLeft(x[14] + x[13], 18);
        }
        for (var i = 0; i < 16; i++) block[i] += x[i];
    }
}
