using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace DePin.Index.Keystore.Internal;

/// <summary>AES-128 in counter mode (big-endian 128-bit counter starting at the IV): encryption and decryption are the same.</summary>
internal static class Aes128Ctr
{
    public static byte[] Apply(ReadOnlySpan<byte> key16, byte[] iv16, ReadOnlySpan<byte> input)
    {
        if (key16.Length != 16) throw new KeystoreException($"aes-128-ctr needs a 16-byte key, got {key16.Length}");
        if (iv16.Length != 16) throw new KeystoreException($"aes-128-ctr needs a 16-byte iv, got {iv16.Length}");
        var cipher = new SicBlockCipher(new AesEngine());
        cipher.Init(true, new ParametersWithIV(new KeyParameter(key16), iv16));
        var output = new byte[input.Length];
        var block = cipher.GetBlockSize();
        var input16 = new byte[block];
        var output16 = new byte[block];
        for (var offset = 0; offset < input.Length; offset += block)
        {
            var n = Math.Min(block, input.Length - offset);
            Array.Clear(input16);
            input[offset..(offset + n)].CopyTo(input16);
            cipher.ProcessBlock(input16, 0, output16, 0);
            output16.AsSpan(0, n).CopyTo(output.AsSpan(offset));
        }
        return output;
    }
}
