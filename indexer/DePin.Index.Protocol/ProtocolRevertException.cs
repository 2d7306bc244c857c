using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Protocol.Internal;

namespace DePin.Index.Protocol;

/// <summary>
/// A protocol contract reverted with one of its custom errors (names in <see cref="ProtocolErrors"/>), decoded:
/// <see cref="ErrorName"/>, the arguments by name, and a plain <see cref="Exception.Message"/> such as
/// "insufficient stake: 100000 DPI required, 5000 available".
/// </summary>
public sealed class ProtocolRevertException : ProtocolException
{
    public ProtocolRevertException() { }
    public ProtocolRevertException(string message) : base(message) { }
    public ProtocolRevertException(string message, Exception innerException) : base(message, innerException) { }

    private ProtocolRevertException(string contract, DecodedRevert revert, string message, Exception? inner)
        : base(message, inner ?? new InvalidOperationException(revert.ToString()))
    {
        Contract = contract;
        Revert = revert;
    }

    /// <summary>The contract that reverted (its name, or its address when not a protocol contract).</summary>
    public string Contract { get; } = "";

    /// <summary>The decoded revert (custom error, Error(string), Panic or unknown).</summary>
    public DecodedRevert? Revert { get; }

    /// <summary>The custom error's name ("InsufficientStake"), "Error", "Panic", or "" when unknown.</summary>
    public string ErrorName => Revert?.Kind switch
    {
        RevertKind.Custom => Revert.Name,
        RevertKind.Error => "Error",
        RevertKind.Panic => "Panic",
        _ => "",
    };

    /// <summary>The named argument of the error (BigInteger, Address, byte[], …).</summary>
    public object this[string name] => Revert is null ? throw new KeyNotFoundException(name) : Revert[name];

    /// <summary>The named unsigned integer argument.</summary>
    public BigInteger Amount(string name) => (BigInteger)this[name];

    /// <summary>The solidity form of the error, e.g. <c>InsufficientStake(100000000000000000000000, 5000)</c>.</summary>
    public string Solidity => Revert?.ToString() ?? "";

    internal static ProtocolRevertException From(string contract, DecodedRevert revert, Exception? inner) =>
        new(contract, revert, RevertMessages.Describe(revert), inner);
}
