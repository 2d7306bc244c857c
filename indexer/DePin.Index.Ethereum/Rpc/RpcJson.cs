using System.Numerics;
using System.Text;
using System.Text.Json;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// Readers of JSON-RPC values straight from a <see cref="Utf8JsonReader"/> positioned on the value's token
/// (no intermediate strings on the fast path). Each raises <see cref="FormatException"/> naming the problem when
/// the token has the wrong type or the text is not what the value needs. Use them to write
/// <see cref="RpcResultParser{T}"/>s.
/// </summary>
public static class RpcJson
{
    /// <summary>A quantity (<c>"0x1a"</c>) that fits in a signed 64-bit integer.</summary>
    public static long ReadLong(ref Utf8JsonReader reader)
    {
        var text = StringBytes(ref reader, "a hex quantity", out var unescaped);
        if (unescaped is not null) return HexQuantity.ParseLong(unescaped);
        if (text.Length < 3 || text[0] != '0' || text[1] != 'x' || text.Length > 18) return HexQuantity.ParseLong(Encoding.UTF8.GetString(text));
        ulong value = 0;
        for (var i = 2; i < text.Length; i++)
        {
            var n = Nibble(text[i]);
            if (n < 0) return HexQuantity.ParseLong(Encoding.UTF8.GetString(text)); // raises the precise message
            value = (value << 4) | (uint)n;
        }
        return value > long.MaxValue ? HexQuantity.ParseLong(Encoding.UTF8.GetString(text)) : (long)value;
    }

    /// <summary>A quantity of any size (balances, difficulty, gas prices).</summary>
    public static BigInteger ReadBigInteger(ref Utf8JsonReader reader)
    {
        var text = StringBytes(ref reader, "a hex quantity", out var unescaped);
        return HexQuantity.ParseBigInteger(unescaped ?? Encoding.UTF8.GetString(text));
    }

    /// <summary>A 20-byte address (<c>"0x" + 40 hex digits</c>, any case; the checksum is not checked).</summary>
    public static Address ReadAddress(ref Utf8JsonReader reader)
    {
        Span<byte> raw = stackalloc byte[20];
        ReadFixed(ref reader, raw, "an address (20 bytes of hex)");
        return new Address(raw);
    }

    /// <summary>A 32-byte hash (<c>"0x" + 64 hex digits</c>).</summary>
    public static Hash32 ReadHash(ref Utf8JsonReader reader)
    {
        Span<byte> raw = stackalloc byte[32];
        ReadFixed(ref reader, raw, "a 32-byte hash");
        return new Hash32(raw);
    }

    /// <summary>Unformatted data (<c>"0x"</c> + an even number of hex digits; <c>"0x"</c> is empty).</summary>
    public static byte[] ReadData(ref Utf8JsonReader reader)
    {
        var text = StringBytes(ref reader, "hex data", out var unescaped);
        if (unescaped is not null) return DecodeData(Encoding.UTF8.GetBytes(unescaped));
        return DecodeData(text);
    }

    /// <summary>A JSON boolean.</summary>
    public static bool ReadBool(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new FormatException($"expected a boolean, got {Describe(ref reader)}"),
    };

    /// <summary>A JSON string.</summary>
    public static string ReadString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new FormatException($"expected a string, got {Describe(ref reader)}");

    /// <summary>An address, or null for a JSON null.</summary>
    public static Address? ReadAddressOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadAddress(ref reader);

    /// <summary>A hash, or null for a JSON null.</summary>
    public static Hash32? ReadHashOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadHash(ref reader);

    /// <summary>A quantity, or null for a JSON null.</summary>
    public static long? ReadLongOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadLong(ref reader);

    /// <summary>A big quantity, or null for a JSON null.</summary>
    public static BigInteger? ReadBigIntegerOrNull(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ReadBigInteger(ref reader);

    /// <summary>Any JSON value, kept as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>An array of hashes (block transaction hashes, topics).</summary>
    public static Hash32[] ReadHashArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new FormatException($"expected an array of hashes, got {Describe(ref reader)}");
        var list = new List<Hash32>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            try
            {
                list.Add(ReadHash(ref reader));
            }
            catch (FormatException e)
            {
                throw new FormatException($"[{list.Count}]: {e.Message}", e);
            }
        }
        return [.. list];
    }

    /// <summary>Moves to the next token; raises <see cref="FormatException"/> when the JSON ends there.</summary>
    public static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new FormatException("the JSON value ends early");
        return reader.TokenType;
    }

    /// <summary>A short description of the current token for error messages (type and a little of its text).</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Hex.Truncate(reader.GetString() ?? "")}\"",
        JsonTokenType.Number => $"the number {Encoding.UTF8.GetString(reader.ValueSpan)}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        var other => other.ToString(),
    };

    private static ReadOnlySpan<byte> StringBytes(ref Utf8JsonReader reader, string what, out string? unescaped)
    {
        if (reader.TokenType != JsonTokenType.String) throw new FormatException($"expected {what}, got {Describe(ref reader)}");
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            unescaped = reader.GetString()!;
            return default;
        }
        unescaped = null;
        return reader.ValueSpan;
    }

    private static void ReadFixed(ref Utf8JsonReader reader, scoped Span<byte> destination, string what)
    {
        var text = StringBytes(ref reader, what, out var unescaped);
        if (unescaped is not null) text = Encoding.UTF8.GetBytes(unescaped);
        if (text.Length != 2 + destination.Length * 2 || text[0] != '0' || text[1] != 'x'
            || Convert.FromHexString(text[2..], destination, out _, out _) != System.Buffers.OperationStatus.Done)
            throw new FormatException($"expected {what}, got \"{Hex.Truncate(Encoding.UTF8.GetString(text))}\"");
    }

    private static byte[] DecodeData(ReadOnlySpan<byte> text)
    {
        if (text.Length < 2 || text[0] != '0' || text[1] != 'x')
            throw new FormatException($"hex data \"{Hex.Truncate(Encoding.UTF8.GetString(text))}\" does not start with 0x");
        var digits = text[2..];
        if ((digits.Length & 1) == 1)
            throw new FormatException($"hex data \"{Hex.Truncate(Encoding.UTF8.GetString(text))}\" has an odd number of digits");
        if (digits.Length == 0) return [];
        var bytes = GC.AllocateUninitializedArray<byte>(digits.Length / 2);
        if (Convert.FromHexString(digits, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
            throw new FormatException($"hex data \"{Hex.Truncate(Encoding.UTF8.GetString(text))}\" has a character that is not a hex digit");
        return bytes;
    }

    private static int Nibble(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
