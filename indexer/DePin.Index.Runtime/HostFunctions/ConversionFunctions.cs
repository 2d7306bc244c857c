using System.Globalization;
using System.Numerics;
using System.Text;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Runtime.Asc;
using DePin.Index.Runtime.Hosting;

namespace DePin.Index.Runtime.HostFunctions;

/// <summary><c>typeConversion.*</c>.</summary>
internal static class ConversionFunctions
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static void Register(HostFunctionRegistry r)
    {
        r.Add("typeConversion.bytesToString", BytesToString);
        r.Add("typeConversion.bytesToHex", (ctx, ptr) => ctx.Heap.WriteString("0x" + Convert.ToHexStringLower(ctx.Heap.ReadUint8Array(ptr))));
        r.Add("typeConversion.bigIntToString", (ctx, ptr) => ctx.Heap.WriteString(ctx.Heap.ReadBigInt(ptr).ToString(CultureInfo.InvariantCulture)));
        r.Add("typeConversion.bigIntToHex", (ctx, ptr) => ctx.Heap.WriteString(BigIntToHex(ctx.Heap.ReadBigInt(ptr))));
        r.Add("typeConversion.stringToH160", (ctx, ptr) => ctx.Heap.WriteUint8Array(StringToAddress(ctx.Heap.ReadString(ptr))));
        r.Add("typeConversion.bytesToBase58", (ctx, ptr) => ctx.Heap.WriteString(Base58.Encode(ctx.Heap.ReadUint8Array(ptr))));
    }

    /// <summary>
    /// UTF-8 decoding that replaces invalid sequences with U+FFFD (logging a warning) and trims
    /// trailing NULs, as graph-node does for fixed-size padded strings.
    /// </summary>
    private static uint BytesToString(InstanceContext ctx, uint ptr)
    {
        var bytes = ctx.Heap.ReadUint8Array(ptr);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.UTF8.GetString(bytes);
            ctx.Current.Log?.Invoke(
                MappingLogLevel.Warning,
                "Bytes contain invalid UTF8. This may be caused by attempting to convert a value such as an address that " +
                $"cannot be parsed to a unicode string. You may want to use 'toHexString()' instead. String: '{Truncate(text)}'");
        }

        return ctx.Heap.WriteString(text.TrimEnd('\0'));
    }

    /// <summary>The magnitude in hex without leading zeros ("0x0" for zero); the sign is dropped, as in graph-node.</summary>
    internal static string BigIntToHex(BigInteger n)
    {
        if (n.IsZero)
        {
            return "0x0";
        }

        var hex = Convert.ToHexStringLower(BigInteger.Abs(n).ToByteArray(isUnsigned: true, isBigEndian: true));
        return "0x" + hex.TrimStart('0');
    }

    /// <summary>40 hex digits with an optional <c>0x</c>; no checksum check (graph-node parses with <c>Address::from_str</c>).</summary>
    internal static byte[] StringToAddress(string text)
    {
        var hex = text.StartsWith("0x", StringComparison.Ordinal) ? text.AsSpan(2) : text.AsSpan();
        var bytes = new byte[20];
        if (hex.Length != 40 || Convert.FromHexString(hex, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            throw HostException.Fail($"Failed to convert string to Address: '{text}'");
        }

        return bytes;
    }

    private static string Truncate(string s) => s.Length <= 1024 ? s : s[..1024];
}
