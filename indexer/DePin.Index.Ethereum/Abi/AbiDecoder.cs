namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// Strict Solidity ABI decoder (values mapped as described on <see cref="AbiType"/>). Rejects truncated data,
/// offsets and lengths that point outside the data, dirty padding (address upper bytes, bool &gt; 1, uintN
/// high bits, intN sign extension, bytesN low bytes), invalid UTF-8 in strings, and overlapping offsets that
/// would inflate a small input. Bytes after the last value are ignored, as Solidity's abi.decode does.
/// The padding of bytes/string contents is not required to be present or zero.
/// </summary>
public static class AbiDecoder
{
    /// <summary>Decodes a list of values encoded as a tuple (function arguments/results, event data).</summary>
    /// <exception cref="AbiException">when the data is not a valid encoding of <paramref name="types"/>.</exception>
    public static object[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        var array = types.ToArray();
        var values = new object[array.Length];
        new AbiReader(data).ReadTuple(array, values, default, 0, array.Select(t => new AbiParameter("", t)).ToArray());
        return values;
    }

    /// <summary>Decodes values encoded as a tuple; error messages name the parameters.</summary>
    public static object[] Decode(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var types = new AbiType[parameters.Count];
        for (var i = 0; i < types.Length; i++) types[i] = parameters[i].Type;
        var values = new object[types.Length];
        new AbiReader(data).ReadTuple(types, values, default, 0, parameters);
        return values;
    }

    /// <summary>Decodes a single value, encoded as <c>abi.encode(value)</c> (a one-element tuple).</summary>
    public static object Decode(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    /// <summary>Decodes with types given as strings, e.g. <c>Decode(data, "uint256", "string[]")</c>.</summary>
    public static object[] Decode(ReadOnlySpan<byte> data, params string[] types) =>
        Decode(types.Select(AbiType.Parse).ToArray(), data);
}
