using System.Globalization;
using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// A decoded revert reason: <c>Error(string)</c>, <c>Panic(uint256)</c>, a custom error with its arguments,
/// an unknown selector or no data. <see cref="ToString"/> gives e.g. <c>InsufficientStake(required=10, have=5)</c>.
/// </summary>
public sealed class DecodedRevert
{
    private readonly byte[] _data;

    internal DecodedRevert(RevertKind kind, ErrorAbi? error, object[] values, byte[] data)
    {
        Kind = kind;
        Error = error;
        Values = values;
        _data = data;
    }

    public RevertKind Kind { get; }

    /// <summary>The error definition, null for <see cref="RevertKind.Empty"/> and <see cref="RevertKind.Unknown"/>.</summary>
    public ErrorAbi? Error { get; }

    /// <summary>The error's name ("Error", "Panic", a custom name), or empty.</summary>
    public string Name => Error?.Name ?? "";

    public IReadOnlyList<object> Values { get; }

    /// <summary>The raw revert data.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>The selector, or null when the data is empty.</summary>
    public Selector? Selector => _data.Length >= 4 ? Abi.Selector.Read(_data) : null;

    /// <summary>The message of an <c>Error(string)</c>, else null.</summary>
    public string? Message => Kind == RevertKind.Error ? (string)Values[0] : null;

    /// <summary>The code of a <c>Panic(uint256)</c>, else null.</summary>
    public BigInteger? PanicCode => Kind == RevertKind.Panic ? (BigInteger)Values[0] : null;

    /// <summary>The named argument of a decoded error.</summary>
    /// <exception cref="KeyNotFoundException">when there is no such argument.</exception>
    public object this[string name]
    {
        get
        {
            var i = Error is null ? -1 : AbiSignature.IndexOf(Error.Inputs, name);
            return i >= 0 ? Values[i] : throw new KeyNotFoundException($"revert {Name} has no argument named '{name}'");
        }
    }

    /// <summary>What Solidity's panic codes mean (0x11 = arithmetic overflow, …).</summary>
    public static string DescribePanic(BigInteger code) => (int)BigInteger.Min(code, 0x100) switch
    {
        0x00 => "generic compiler panic",
        0x01 => "assert(false)",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "invalid enum value",
        0x22 => "incorrectly encoded storage byte array",
        0x31 => "pop() on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "out of memory (too large allocation)",
        0x51 => "call to a zero-initialized function pointer",
        _ => "unknown panic code",
    };

    public override string ToString() => Kind switch
    {
        RevertKind.Empty => "revert without data",
        RevertKind.Unknown => $"unknown error {Selector} with {_data.Length - 4} bytes of arguments: {Hex.Encode(_data)}",
        RevertKind.Panic => $"Panic(0x{PanicCode!.Value.ToString("x2", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(2, '0')}: {DescribePanic(PanicCode.Value)})",
        _ => AbiValueFormatter.FormatCall(Name, Error!.Inputs, Values),
    };
}
