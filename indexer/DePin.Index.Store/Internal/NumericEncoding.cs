using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store.Internal;

/// <summary>
/// PostgreSQL's binary <c>numeric</c> format, for BigDecimal values Npgsql cannot write exactly
/// (<c>decimal</c> holds 28 digits, a BigDecimal 34 with an exponent up to ±6144). Binary COPY sends a
/// field as length + bytes and the server decodes it with the column's type, so these bytes go out as
/// <c>bytea</c>. Layout: <c>int16 ndigits, int16 weight, uint16 sign, int16 dscale, int16 digits[]</c>,
/// digits in base 10000, value = Σ digits[i] × 10000^(weight − i).
/// </summary>
internal static class NumericEncoding
{
    private const int NumericOid = 1700;
    private const int MaxDisplayScale = 0x3FFF;

    internal static byte[] Encode(BigDecimal value)
    {
        var abs = BigInteger.Abs(value.Digits).ToString(CultureInfo.InvariantCulture);
        var exponent = value.Exponent;
        string intPart, fracPart;
        long scale;
        if (value.Digits.IsZero)
        {
            return Header(0, 0, 0, 0, []);
        }

        if (exponent >= 0)
        {
            intPart = abs + new string('0', checked((int)exponent));
            fracPart = "";
            scale = 0;
        }
        else
        {
            scale = -exponent;
            if (scale > MaxDisplayScale)
            {
                throw new StoreException($"BigDecimal {value} has {scale} digits after the point; PostgreSQL numeric keeps at most {MaxDisplayScale}");
            }

            var padded = abs.Length <= scale ? new string('0', (int)scale - abs.Length + 1) + abs : abs;
            intPart = padded[..^(int)scale];
            fracPart = padded[^(int)scale..];
        }

        intPart = intPart.TrimStart('0');
        var intGroups = (intPart.Length + 3) / 4;
        intPart = intPart.PadLeft(intGroups * 4, '0');
        var fracGroups = (fracPart.Length + 3) / 4;
        fracPart = fracPart.PadRight(fracGroups * 4, '0');
        var groups = new List<short>(intGroups + fracGroups);
        for (var i = 0; i < intGroups; i++)
        {
            groups.Add(short.Parse(intPart.AsSpan(i * 4, 4), CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < fracGroups; i++)
        {
            groups.Add(short.Parse(fracPart.AsSpan(i * 4, 4), CultureInfo.InvariantCulture));
        }

        var weight = intGroups - 1;
        var start = 0;
        while (start < groups.Count && groups[start] == 0)
        {
            start++;
            weight--;
        }

        var end = groups.Count;
        while (end > start && groups[end - 1] == 0)
        {
            end--;
        }

        if (weight > short.MaxValue || weight < short.MinValue)
        {
            throw new StoreException($"BigDecimal {value} is too large for PostgreSQL numeric");
        }

        return Header((short)weight, value.Sign < 0 ? (ushort)0x4000 : (ushort)0, (short)scale, end - start, groups.GetRange(start, end - start));
    }

    /// <summary>A one-dimensional <c>numeric[]</c> in binary array format; null elements allowed.</summary>
    internal static byte[] EncodeArray(IReadOnlyList<BigDecimal?> values)
    {
        var elements = values.Select(v => v is { } d ? Encode(d) : null).ToArray();
        var hasNulls = elements.Any(e => e is null);
        var size = 12 + (elements.Length > 0 ? 8 : 0) + elements.Sum(e => 4 + (e?.Length ?? 0));
        var buf = new byte[size];
        var span = buf.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, elements.Length > 0 ? 1 : 0);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], hasNulls ? 1 : 0);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], NumericOid);
        var pos = 12;
        if (elements.Length > 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(span[pos..], elements.Length);
            BinaryPrimitives.WriteInt32BigEndian(span[(pos + 4)..], 1);
            pos += 8;
        }

        foreach (var e in elements)
        {
            BinaryPrimitives.WriteInt32BigEndian(span[pos..], e?.Length ?? -1);
            pos += 4;
            if (e is not null)
            {
                e.CopyTo(span[pos..]);
                pos += e.Length;
            }
        }

        return buf;
    }

    private static byte[] Header(short weight, ushort sign, short scale, int count, IReadOnlyList<short> digits)
    {
        var buf = new byte[8 + (2 * count)];
        var span = buf.AsSpan();
        BinaryPrimitives.WriteInt16BigEndian(span, (short)count);
        BinaryPrimitives.WriteInt16BigEndian(span[2..], weight);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], sign);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], scale);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(8 + (2 * i))..], digits[i]);
        }

        return buf;
    }
}
