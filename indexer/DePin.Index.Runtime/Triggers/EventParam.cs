using DePin.Index.Ethereum.Abi;

namespace DePin.Index.Runtime.Triggers;

/// <summary>
/// A decoded event parameter: its name, ABI type and value as the ABI codec produces it
/// (<c>BigInteger</c> for integers, <c>Address</c>, <c>bool</c>, <c>byte[]</c> for bytes and
/// fixed bytes, <c>string</c>, <c>object[]</c> for arrays and tuples).
/// </summary>
public sealed record EventParam(string Name, AbiType Type, object Value);
