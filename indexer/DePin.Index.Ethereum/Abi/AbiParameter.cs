namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// A named ABI parameter: a function input/output, an event input (with <see cref="Indexed"/>), an error
/// input or a tuple component. <paramref name="Name"/> may be empty (unnamed parameters are legal).
/// <paramref name="InternalType"/> is the compiler's informational type (e.g. <c>struct Registry.Device</c>).
/// </summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false, string? InternalType = null)
{
    public override string ToString() =>
        (Type.CanonicalName + (Indexed ? " indexed" : "") + (Name.Length > 0 ? " " + Name : ""));
}
