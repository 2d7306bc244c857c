using System.Collections;

namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// Solidity ABI encoder (<c>abi.encode</c>), head/tail layout with nesting. Values are mapped as described
/// on <see cref="AbiType"/>; a value of the wrong .NET type, a wrong element count or an integer out of range
/// raises <see cref="AbiException"/> naming the argument and element path.
/// </summary>
public static class AbiEncoder
{
    /// <summary>Encodes values as a tuple (function arguments, event data): <c>abi.encode(v1, …, vn)</c>.</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        return Encode(types.Select(t => new AbiParameter("", t)).ToArray(), values);
    }

    /// <summary>Encodes values as a tuple; error messages name the parameters.</summary>
    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        var size = EncodedSize(parameters, values);
        var result = new byte[size];
        EncodeInto(result, parameters, values);
        return result;
    }

    /// <summary>Encodes one value: <c>abi.encode(value)</c>.</summary>
    public static byte[] Encode(AbiType type, object? value) => Encode([type], [value]);

    /// <summary>Encodes with types given as strings, e.g. <c>Encode(["uint256", "string"], [1, "a"])</c>.</summary>
    public static byte[] Encode(IReadOnlyList<string> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        return Encode(types.Select(AbiType.Parse).ToArray(), values);
    }

    internal static int EncodedSize(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        var list = Check(parameters, values);
        return (int)AbiWriter.SequenceSize(i => parameters[i].Type, list, i => Label(parameters, i));
    }

    internal static void EncodeInto(Span<byte> destination, IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values) =>
        AbiWriter.WriteSequence(destination, i => parameters[i].Type, Check(parameters, values), i => Label(parameters, i));

    private static IList Check(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        if (parameters.Count != values.Count)
            throw new AbiException($"expected {parameters.Count} values ({string.Join(",", parameters.Select(p => p.Type.CanonicalName))}), got {values.Count}");
        return values as IList ?? values.ToArray();
    }

    private static string Label(IReadOnlyList<AbiParameter> parameters, int i)
    {
        var p = parameters[i];
        return p.Name.Length > 0 ? $"argument {i} '{p.Name}' ({p.Type.CanonicalName})" : $"argument {i} ({p.Type.CanonicalName})";
    }
}
