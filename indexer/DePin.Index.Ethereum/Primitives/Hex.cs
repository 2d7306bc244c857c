namespace DePin.Index.Ethereum.Primitives;

/// <summary>0x-prefixed hexadecimal, as Ethereum's JSON-RPC writes bytes and quantities.</summary>
public static class Hex
{
    /// <summary>Lower-case hex with a 0x prefix.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex with or without 0x; an odd length gets a leading zero nibble.</summary>
    /// <exception cref="FormatException">when a character is not a hex digit.</exception>
    public static byte[] Decode(ReadOnlySpan<char> hex)
    {
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex[2..];
        if (hex.Length == 0) return [];
        if ((hex.Length & 1) == 1)
        {
            Span<char> padded = hex.Length < 1024 ? stackalloc char[hex.Length + 1] : new char[hex.Length + 1];
            padded[0] = '0';
            hex.CopyTo(padded[1..]);
            return DecodeEven(padded);
        }
        return DecodeEven(hex);
    }

    private static byte[] DecodeEven(ReadOnlySpan<char> hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException($"not hexadecimal: '{Truncate(hex)}'");
        }
    }

    /// <summary>Decodes into a caller's buffer; returns false on bad characters or wrong length.</summary>
    public static bool TryDecode(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex[2..];
        if (hex.Length != destination.Length * 2) return false;
        return Convert.FromHexString(hex, destination, out _, out _) == System.Buffers.OperationStatus.Done;
    }

    internal static string Truncate(ReadOnlySpan<char> s) => s.Length <= 80 ? s.ToString() : string.Concat(s[..77], "...");
}
