using System.Numerics;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Eip712;

/// <summary>
/// The EIP-712 domain. Only the members that are set take part, in the order the EIP lists them
/// (name, version, chainId, verifyingContract, salt), forming the EIP712Domain struct type.
/// </summary>
public sealed class TypedDataDomain
{
    /// <summary>The dapp or protocol name (string).</summary>
    public string? Name { get; init; }

    /// <summary>The signing domain's major version (string).</summary>
    public string? Version { get; init; }

    /// <summary>The EIP-155 chain id (uint256).</summary>
    public BigInteger? ChainId { get; init; }

    /// <summary>The contract that will verify the signature (address).</summary>
    public Address? VerifyingContract { get; init; }

    /// <summary>A disambiguating salt (bytes32).</summary>
    public Hash32? Salt { get; init; }

    /// <summary>The EIP712Domain fields for the members that are set.</summary>
    public IReadOnlyList<TypedDataField> Fields()
    {
        var fields = new List<TypedDataField>(5);
        if (Name is not null) fields.Add(new("name", "string"));
        if (Version is not null) fields.Add(new("version", "string"));
        if (ChainId is not null) fields.Add(new("chainId", "uint256"));
        if (VerifyingContract is not null) fields.Add(new("verifyingContract", "address"));
        if (Salt is not null) fields.Add(new("salt", "bytes32"));
        return fields;
    }

    /// <summary>The members that are set, as a struct value keyed by field name.</summary>
    public IReadOnlyDictionary<string, object?> Values()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Name is not null) values["name"] = Name;
        if (Version is not null) values["version"] = Version;
        if (ChainId is not null) values["chainId"] = ChainId.Value;
        if (VerifyingContract is not null) values["verifyingContract"] = VerifyingContract.Value;
        if (Salt is not null) values["salt"] = Salt.Value;
        return values;
    }
}
