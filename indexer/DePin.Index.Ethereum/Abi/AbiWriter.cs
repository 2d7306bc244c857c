using System.Buffers.Binary;
using System.Collections;
using System.Numerics;
using System.Text;

namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// Two-pass head/tail encoder: <see cref="SequenceSize"/> validates the shape of the values and computes the
/// exact size, <see cref="WriteSequence"/> fills a buffer of that size. Errors name the element path.
/// </summary>
internal static class AbiWriter
{
    private const int Word = AbiWords.WordSize;
    private const long MaxEncodedSize = int.MaxValue - 64;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Size of a tuple encoding (heads + tails) of values whose types are components or a uniform element.</summary>
    public static long SequenceSize(Func<int, AbiType> typeOf, IList values, Func<int, string> label)
    {
        long size = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var type = typeOf(i);
            size += type.HeadSize;
            if (type.IsDynamic)
            {
                try
                {
                    size += ContentSize(type, values[i]);
                }
                catch (AbiException e)
                {
                    throw new AbiException($"{label(i)}: {e.Message}", e);
                }
            }
            if (size > MaxEncodedSize) throw new AbiException($"encoding would exceed {MaxEncodedSize} bytes");
        }
        return size;
    }

    /// <summary>Writes a tuple encoding into <paramref name="dest"/> (exactly <see cref="SequenceSize"/> bytes).</summary>
    public static void WriteSequence(Span<byte> dest, Func<int, AbiType> typeOf, IList values, Func<int, string> label)
    {
        var head = 0;
        for (var i = 0; i < values.Count; i++) head += typeOf(i).HeadSize;
        var tail = head;
        head = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var type = typeOf(i);
            try
            {
                if (type.IsDynamic)
                {
                    WriteSize(dest.Slice(head, Word), tail);
                    tail += WriteContent(dest[tail..], type, values[i]);
                }
                else
                {
                    WriteStatic(dest.Slice(head, type.HeadSize), type, values[i]);
                }
            }
            catch (AbiException e)
            {
                throw new AbiException($"{label(i)}: {e.Message}", e);
            }
            head += type.HeadSize;
        }
    }

    private static long ContentSize(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiKind.Bytes:
                return Word + Padded(AbiValues.ToBytes(value, type).Length);
            case AbiKind.String:
                return Word + Padded(Utf8Count(AbiValues.ToText(value, type)));
            case AbiKind.Array:
                {
                    var list = AbiValues.ToList(value, type, -1);
                    return Word + SequenceSize(_ => type.ElementType!, list, ElementLabel);
                }
            case AbiKind.FixedArray:
                return SequenceSize(_ => type.ElementType!, AbiValues.ToList(value, type, type.Size), ElementLabel);
            case AbiKind.Tuple:
                return SequenceSize(i => type.Components[i].Type, AbiValues.ToList(value, type, type.Components.Count), i => ComponentLabel(type, i));
            default:
                return type.HeadSize;
        }
    }

    private static int WriteContent(Span<byte> dest, AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiKind.Bytes:
                {
                    var bytes = AbiValues.ToBytes(value, type).Span;
                    WriteSize(dest, bytes.Length);
                    bytes.CopyTo(dest[Word..]);
                    dest[(Word + bytes.Length)..(Word + (int)Padded(bytes.Length))].Clear();
                    return Word + (int)Padded(bytes.Length);
                }
            case AbiKind.String:
                {
                    var text = AbiValues.ToText(value, type);
                    var length = Utf8Count(text);
                    WriteSize(dest, length);
                    StrictUtf8.GetBytes(text, dest[Word..]);
                    dest[(Word + length)..(Word + (int)Padded(length))].Clear();
                    return Word + (int)Padded(length);
                }
            case AbiKind.Array:
                {
                    var list = AbiValues.ToList(value, type, -1);
                    WriteSize(dest, list.Count);
                    var size = (int)SequenceSize(_ => type.ElementType!, list, ElementLabel);
                    WriteSequence(dest.Slice(Word, size), _ => type.ElementType!, list, ElementLabel);
                    return Word + size;
                }
            default:
                {
                    var size = (int)ContentSize(type, value);
                    WriteComposite(dest[..size], type, value);
                    return size;
                }
        }
    }

    private static void WriteStatic(Span<byte> dest, AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiKind.UInt:
            case AbiKind.Int:
                WriteInteger(dest, type, AbiValues.ToInteger(value, type));
                break;
            case AbiKind.Address:
                dest[..12].Clear();
                AbiValues.ToAddress(value, type).CopyTo(dest[12..]);
                break;
            case AbiKind.Bool:
                dest.Clear();
                dest[31] = AbiValues.ToBool(value, type) ? (byte)1 : (byte)0;
                break;
            case AbiKind.FixedBytes:
                {
                    var bytes = AbiValues.ToBytes(value, type).Span;
                    if (bytes.Length != type.Size)
                        throw new AbiException($"{type.CanonicalName} needs exactly {type.Size} bytes, got {bytes.Length}");
                    dest.Clear();
                    bytes.CopyTo(dest);
                    break;
                }
            default:
                WriteComposite(dest, type, value);
                break;
        }
    }

    /// <summary>Fixed arrays and tuples (static or dynamic): a tuple encoding of their elements.</summary>
    private static void WriteComposite(Span<byte> dest, AbiType type, object? value)
    {
        if (type.Kind == AbiKind.FixedArray)
            WriteSequence(dest, _ => type.ElementType!, AbiValues.ToList(value, type, type.Size), ElementLabel);
        else
            WriteSequence(dest, i => type.Components[i].Type, AbiValues.ToList(value, type, type.Components.Count), i => ComponentLabel(type, i));
    }

    private static void WriteInteger(Span<byte> dest, AbiType type, BigInteger value)
    {
        var unsigned = type.Kind == AbiKind.UInt;
        var fits = unsigned
            ? value.Sign >= 0 && value.GetBitLength() <= type.Size
            : value.GetBitLength() <= type.Size - 1;
        if (!fits)
        {
            var range = unsigned ? $"0 .. 2^{type.Size}-1" : $"-2^{type.Size - 1} .. 2^{type.Size - 1}-1";
            throw new AbiException($"value {value} is out of range for {type.CanonicalName} ({range})");
        }
        dest.Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        var count = value.GetByteCount(unsigned);
        if (!value.TryWriteBytes(dest[(Word - count)..], out _, unsigned, isBigEndian: true))
            throw new InvalidOperationException($"could not write {value} into a word");
    }

    private static void WriteSize(Span<byte> dest, int value)
    {
        dest[..Word].Clear();
        BinaryPrimitives.WriteInt32BigEndian(dest[(Word - 4)..], value);
    }

    private static long Padded(int length) => (length + (long)Word - 1) / Word * Word;

    private static int Utf8Count(string text)
    {
        try
        {
            return StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new AbiException($"string is not valid UTF-16 (unpaired surrogate): {e.Message}", e);
        }
    }

    private static string ElementLabel(int i) => $"element [{i}]";

    private static string ComponentLabel(AbiType tuple, int i)
    {
        var name = tuple.Components[i].Name;
        return name.Length > 0 ? $"component {i} '{name}'" : $"component {i}";
    }
}
