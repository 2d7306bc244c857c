namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// Strict head/tail ABI decoder over one buffer. Every read is bounds-checked; lengths are checked against
/// the bytes that remain before anything is allocated; and a work budget proportional to the input size
/// stops encodings whose offsets overlap so that a few bytes would decode into an exponential number of values.
/// </summary>
internal ref struct AbiReader
{
    private readonly ReadOnlySpan<byte> _data;
    private long _budget;

    public AbiReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        // A canonical encoding yields at most one value per 32-byte word; twice that plus a constant
        // leaves room for encoders that share tails, and nothing for decompression bombs.
        _budget = 2L * (data.Length / AbiWords.WordSize) + 64;
    }

    /// <summary>Decodes the tuple (types) whose heads start at <paramref name="tupleBase"/> into target[index[i]] (or target[i]).</summary>
    public void ReadTuple(ReadOnlySpan<AbiType> types, object[] target, ReadOnlySpan<int> index, int tupleBase, IReadOnlyList<AbiParameter>? names)
    {
        var head = tupleBase;
        var i = 0;
        try
        {
            for (; i < types.Length; i++)
            {
                var value = ReadAt(types[i], tupleBase, head);
                target[index.IsEmpty ? i : index[i]] = value;
                head += types[i].HeadSize;
            }
        }
        catch (AbiException e) when (names is not null)
        {
            var what = names[i].Name.Length > 0 ? $"'{names[i].Name}'" : $"value {i}";
            throw new AbiException($"cannot decode {what} ({types[i].CanonicalName}): {e.Message}", e);
        }
    }

    /// <summary>Decodes a value whose head is at <paramref name="headPos"/> inside a tuple starting at <paramref name="tupleBase"/>.</summary>
    public object ReadAt(AbiType type, int tupleBase, int headPos)
    {
        if (!type.IsDynamic) return ReadStatic(type, headPos);
        Require(headPos, AbiWords.WordSize, "offset");
        var offset = AbiWords.ReadSize(_data.Slice(headPos, AbiWords.WordSize));
        var target = tupleBase + offset;
        if (offset == long.MaxValue || target > _data.Length)
            throw new AbiException($"offset {AbiWords.Describe(_data.Slice(headPos, AbiWords.WordSize))} at byte {headPos} points outside the {_data.Length}-byte data");
        return ReadDynamic(type, (int)target);
    }

    private object ReadStatic(AbiType type, int pos)
    {
        Require(pos, type.HeadSize, type.CanonicalName);
        switch (type.Kind)
        {
            case AbiKind.FixedArray:
                {
                    var element = type.ElementType!;
                    var values = new object[type.Size];
                    for (var i = 0; i < values.Length; i++) values[i] = ReadStatic(element, pos + i * element.HeadSize);
                    return values;
                }
            case AbiKind.Tuple:
                {
                    var values = new object[type.Components.Count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        var component = type.Components[i].Type;
                        values[i] = ReadStatic(component, pos);
                        pos += component.HeadSize;
                    }
                    return values;
                }
            default:
                Spend(1);
                return AbiWords.ReadElementary(type, _data.Slice(pos, AbiWords.WordSize));
        }
    }

    private object ReadDynamic(AbiType type, int start)
    {
        switch (type.Kind)
        {
            case AbiKind.Bytes:
            case AbiKind.String:
                {
                    var length = ReadLength(start, type.CanonicalName, 1);
                    Spend(1 + length / AbiWords.WordSize);
                    var content = _data.Slice(start + AbiWords.WordSize, length);
                    if (type.Kind == AbiKind.Bytes) return content.ToArray();
                    try
                    {
                        return StrictUtf8.GetString(content);
                    }
                    catch (System.Text.DecoderFallbackException e)
                    {
                        throw new AbiException($"string at byte {start} is not valid UTF-8: {e.Message}", e);
                    }
                }
            case AbiKind.Array:
                {
                    var element = type.ElementType!;
                    var length = ReadLength(start, type.CanonicalName, element.HeadSize);
                    Spend(1);
                    return ReadSequence(element, length, start + AbiWords.WordSize);
                }
            case AbiKind.FixedArray:
                return ReadSequence(type.ElementType!, type.Size, start);
            case AbiKind.Tuple:
                {
                    var values = new object[type.Components.Count];
                    var head = start;
                    for (var i = 0; i < values.Length; i++)
                    {
                        var component = type.Components[i].Type;
                        values[i] = ReadAt(component, start, head);
                        head += component.HeadSize;
                    }
                    return values;
                }
            default:
                throw new InvalidOperationException($"{type} is not dynamic");
        }
    }

    private object[] ReadSequence(AbiType element, int count, int sequenceBase)
    {
        // Heads are checked before the array is allocated, so a hostile type like string[16000000] meeting tiny data fails fast.
        var headBytes = (long)count * element.HeadSize;
        if (sequenceBase + headBytes > _data.Length)
            throw new AbiException($"data too short: {count} elements of {element.CanonicalName} need {headBytes} bytes of heads from byte {sequenceBase} but the data is {_data.Length} bytes");
        var values = new object[count];
        for (var i = 0; i < count; i++) values[i] = ReadAt(element, sequenceBase, sequenceBase + i * element.HeadSize);
        return values;
    }

    /// <summary>Reads a length word at <paramref name="start"/> and checks that length × unit bytes follow it.</summary>
    private readonly int ReadLength(int start, string what, int unit)
    {
        if ((long)start + AbiWords.WordSize > _data.Length)
            throw new AbiException($"data too short: the length of {what} needs bytes {start}..{start + AbiWords.WordSize - 1} but the data is {_data.Length} bytes");
        var word = _data.Slice(start, AbiWords.WordSize);
        var length = AbiWords.ReadSize(word);
        var available = _data.Length - start - AbiWords.WordSize;
        if (length == long.MaxValue || length * unit > available)
        {
            var need = unit == 1 ? "bytes" : $"elements of {unit} bytes";
            throw new AbiException($"{what} at byte {start} has length {AbiWords.Describe(word)} {need}, but only {available} bytes follow");
        }
        return (int)length;
    }

    private readonly void Require(long pos, int size, string what)
    {
        if (pos + size > _data.Length)
            throw new AbiException($"data too short: {what} needs bytes {pos}..{pos + size - 1} but the data is {_data.Length} bytes");
    }

    private void Spend(long units)
    {
        _budget -= units;
        if (_budget < 0)
            throw new AbiException($"data decodes to far more values than its {_data.Length} bytes can hold (overlapping offsets); refusing to expand it");
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
