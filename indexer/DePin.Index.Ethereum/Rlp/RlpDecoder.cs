namespace DePin.Index.Ethereum.Rlp;

/// <summary>
/// Strict RLP decoder: accepts exactly the canonical encoding <see cref="RlpEncoder"/> produces. Rejects
/// truncated input, lengths past the end of the input or of the enclosing list, long-form lengths that
/// have leading zeros or would fit the short form, a single byte below 0x80 written as 0x81 xx, trailing
/// bytes, and nesting deeper than <see cref="MaxDepth"/>.
/// </summary>
public static class RlpDecoder
{
    /// <summary>Maximum list nesting; deeper input is rejected rather than risking the stack.</summary>
    public const int MaxDepth = 1024;

    /// <summary>Decodes one item that must span the whole input.</summary>
    /// <exception cref="RlpException">the input is not exactly one canonical RLP item.</exception>
    public static RlpItem Decode(ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty) throw new RlpException("RLP: input is empty");
        var item = DecodeItem(data, 0, data.Length, 0, out var next);
        if (next != data.Length)
            throw new RlpException($"RLP: {data.Length - next} trailing byte(s) after the item (at byte {next})");
        return item;
    }

    /// <summary>Decodes one item that must span the whole array.</summary>
    public static RlpItem Decode(byte[] data) => Decode((ReadOnlyMemory<byte>)data);

    private static RlpItem DecodeItem(ReadOnlyMemory<byte> data, int start, int end, int depth, out int next)
    {
        var span = data.Span;
        var prefix = span[start];
        if (prefix < 0x80)
        {
            next = start + 1;
            return new RlpItem(data.Slice(start, 1), data.Slice(start, 1), null, start);
        }

        var isList = prefix >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        var kind = isList ? "list" : "string";
        int headerLength;
        long payloadLength;
        if (prefix - shortBase <= 55)
        {
            headerLength = 1;
            payloadLength = prefix - shortBase;
        }
        else
        {
            var lengthOfLength = prefix - shortBase - 55;
            headerLength = 1 + lengthOfLength;
            if (start + headerLength > end)
                throw new RlpException($"RLP: {kind} length of {lengthOfLength} bytes runs past the end (at byte {start})");
            if (span[start + 1] == 0)
                throw new RlpException($"RLP: {kind} length has a leading zero byte (non-canonical, at byte {start})");
            ulong length = 0;
            for (var i = 1; i <= lengthOfLength; i++) length = (length << 8) | span[start + i];
            if (length <= 55)
                throw new RlpException($"RLP: {kind} of {length} bytes uses the long length form (non-canonical, at byte {start})");
            payloadLength = length > int.MaxValue ? long.MaxValue : (long)length;
        }

        var payloadStart = start + headerLength;
        if (payloadLength > end - payloadStart)
        {
            var reported = payloadLength == long.MaxValue ? "more than 2^31" : payloadLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new RlpException($"RLP: {kind} of {reported} bytes runs past the end ({end - payloadStart} available, at byte {start})");
        }
        var payloadEnd = payloadStart + (int)payloadLength;
        next = payloadEnd;
        var encoded = data[start..payloadEnd];
        var payload = data[payloadStart..payloadEnd];

        if (!isList)
        {
            if (payloadLength == 1 && span[payloadStart] < 0x80)
                throw new RlpException($"RLP: single byte 0x{span[payloadStart]:x2} must be encoded as itself, not with a 0x81 prefix (non-canonical, at byte {start})");
            return new RlpItem(encoded, payload, null, start);
        }

        if (depth >= MaxDepth)
            throw new RlpException($"RLP: lists nested deeper than {MaxDepth} levels (at byte {start})");
        var items = new List<RlpItem>();
        var position = payloadStart;
        while (position < payloadEnd)
        {
            items.Add(DecodeItem(data, position, payloadEnd, depth + 1, out position));
        }
        return new RlpItem(encoded, payload, items, start);
    }
}
