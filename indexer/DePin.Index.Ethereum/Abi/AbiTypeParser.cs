using System.Globalization;

namespace DePin.Index.Ethereum.Abi;

/// <summary>Recursive-descent parser for canonical ABI type strings (see <see cref="AbiType.Parse"/>).</summary>
internal static class AbiTypeParser
{
    public static AbiType Parse(string text)
    {
        if (text is null) throw new AbiException("type string is null");
        if (text.Length == 0) throw new AbiException("type string is empty");
        var pos = 0;
        var type = ParseType(text, ref pos, 0);
        if (pos != text.Length)
            throw Error(text, pos, $"unexpected '{text[pos]}'");
        return type;
    }

    /// <summary>Applies array suffixes such as <c>[2][]</c> (as found after "tuple" in JSON ABIs) to a type.</summary>
    public static AbiType ApplySuffixes(AbiType type, string suffixes, string fullText)
    {
        var pos = 0;
        while (pos < suffixes.Length)
        {
            if (suffixes[pos] != '[') throw new AbiException($"bad type '{AbiType.Truncate(fullText)}': expected '[' after the tuple, got '{suffixes[pos]}'");
            type = ParseSuffix(type, suffixes, ref pos);
        }
        return type;
    }

    private static AbiType ParseType(string text, ref int pos, int depth)
    {
        if (depth > AbiType.MaxDepth) throw Error(text, pos, $"nested deeper than {AbiType.MaxDepth} levels");
        AbiType type;
        if (pos < text.Length && text[pos] == '(')
        {
            pos++;
            var components = new List<AbiType>();
            if (pos < text.Length && text[pos] == ')') throw Error(text, pos, "an empty tuple '()' is not a valid ABI type");
            while (true)
            {
                components.Add(ParseType(text, ref pos, depth + 1));
                if (pos >= text.Length) throw Error(text, pos, "missing ')'");
                if (text[pos] == ',') { pos++; continue; }
                if (text[pos] == ')') { pos++; break; }
                throw Error(text, pos, $"expected ',' or ')' but found '{text[pos]}'");
            }
            type = AbiType.Tuple(components.ToArray());
        }
        else
        {
            var start = pos;
            while (pos < text.Length && char.IsAsciiLetterOrDigit(text[pos])) pos++;
            if (pos == start) throw Error(text, pos, pos < text.Length ? $"unexpected '{text[pos]}'" : "missing type");
            type = Elementary(text, text[start..pos]);
        }
        while (pos < text.Length && text[pos] == '[') type = ParseSuffix(type, text, ref pos);
        return type;
    }

    private static AbiType ParseSuffix(AbiType element, string text, ref int pos)
    {
        pos++; // '['
        var start = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos])) pos++;
        if (pos >= text.Length || text[pos] != ']') throw Error(text, pos, "array suffix must be '[]' or '[k]' with a decimal k");
        var digits = text.AsSpan(start, pos - start);
        pos++;
        if (digits.Length == 0) return AbiType.Array(element);
        if (digits.Length > 1 && digits[0] == '0') throw Error(text, start, $"array length '{digits}' has a leading zero");
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > AbiType.MaxStaticSize)
            throw Error(text, start, $"array length '{digits}' is larger than the limit {AbiType.MaxStaticSize}");
        if (length == 0) throw Error(text, start, "a fixed array must have at least one element");
        return AbiType.FixedArray(element, length);
    }

    private static AbiType Elementary(string text, string name)
    {
        switch (name)
        {
            case "address": return AbiType.Address;
            case "bool": return AbiType.Bool;
            case "string": return AbiType.String;
            case "bytes": return AbiType.Bytes;
            case "uint": return AbiType.UInt256;
            case "int": return AbiType.Int256;
            case "tuple": throw new AbiException($"bad type '{AbiType.Truncate(text)}': 'tuple' needs its components (JSON ABI \"components\"); write it as '(T1,T2,...)'");
            case "function": throw new AbiException($"bad type '{AbiType.Truncate(text)}': the 'function' type is not supported");
        }
        if (name.StartsWith("uint", StringComparison.Ordinal)) return AbiType.UInt(Number(text, name, 4, "uintN", 8, 256, 8));
        if (name.StartsWith("int", StringComparison.Ordinal)) return AbiType.Int(Number(text, name, 3, "intN", 8, 256, 8));
        if (name.StartsWith("bytes", StringComparison.Ordinal)) return AbiType.FixedBytes(Number(text, name, 5, "bytesN", 1, 32, 1));
        if (name.StartsWith("fixed", StringComparison.Ordinal) || name.StartsWith("ufixed", StringComparison.Ordinal))
            throw new AbiException($"bad type '{AbiType.Truncate(text)}': fixed-point types are not supported");
        throw new AbiException($"bad type '{AbiType.Truncate(text)}': unknown type '{AbiType.Truncate(name)}'");
    }

    private static int Number(string text, string name, int prefix, string form, int min, int max, int step)
    {
        var digits = name.AsSpan(prefix);
        if (digits.Length is 0 or > 3 || digits[0] == '0' || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n < min || n > max || n % step != 0)
        {
            var rule = step == 1 ? $"{min} <= N <= {max}" : $"N a multiple of {step} in {min}..{max}";
            throw new AbiException($"bad type '{AbiType.Truncate(text)}': '{AbiType.Truncate(name)}' is not a valid {form} ({rule})");
        }
        return n;
    }

    private static AbiException Error(string text, int pos, string what) =>
        new($"bad type '{AbiType.Truncate(text)}' at position {pos}: {what}");
}
