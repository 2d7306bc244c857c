using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Ethereum.Eip712;

/// <summary>
/// EIP-712 typed structured data: struct types, the primary type, the domain and the message, as
/// eth_signTypedData_v4 takes them. Types and values are validated and hashed when the object is built;
/// the digest to sign is keccak(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message)).
/// </summary>
/// <remarks>
/// Values may be .NET values (BigInteger and integer types, Address, bool, byte[], Hash32 for bytes32, string,
/// dictionaries for structs, any IEnumerable for arrays) or what JSON carries (numbers, decimal or 0x-hex
/// strings for integers, hex strings for address/bytes/bytesN). Every struct member must be present and no
/// other key may appear; bytesN takes exactly N bytes.
/// </remarks>
public sealed class TypedData
{
    /// <summary>The struct name of the domain.</summary>
    public const string DomainTypeName = "EIP712Domain";

    private static readonly string[] DomainFieldOrder = ["name", "version", "chainId", "verifyingContract", "salt"];
    private static readonly string[] DomainFieldTypes = ["string", "string", "uint256", "address", "bytes32"];

    private readonly Eip712Encoder _encoder;
    private readonly Hash32 _domainSeparator;
    private readonly Hash32? _messageHash;

    /// <summary>
    /// Typed data with the domain given as a struct value. When <paramref name="types"/> has no EIP712Domain
    /// entry, it is derived from the domain's keys in the EIP's order (name, version, chainId,
    /// verifyingContract, salt).
    /// </summary>
    /// <exception cref="Eip712Exception">invalid types, unknown primary type, or a value that does not fit its type.</exception>
    public TypedData(
        IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types,
        string primaryType,
        IReadOnlyDictionary<string, object?> domain,
        IReadOnlyDictionary<string, object?> message)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(primaryType)) throw new Eip712Exception("primaryType is missing");

        var allTypes = new Dictionary<string, IReadOnlyList<TypedDataField>>(StringComparer.Ordinal);
        foreach (var (name, fields) in types) allTypes[name] = fields?.ToArray() ?? throw new Eip712Exception($"struct {name} has no member list");
        if (!allTypes.ContainsKey(DomainTypeName)) allTypes[DomainTypeName] = InferDomainType(domain);

        _encoder = new Eip712Encoder(allTypes);
        if (!_encoder.IsStruct(primaryType)) throw new Eip712Exception($"primaryType '{primaryType}' is not defined in types");

        Types = allTypes;
        PrimaryType = primaryType;
        Domain = domain;
        Message = message;
        _domainSeparator = _encoder.HashStruct(DomainTypeName, domain, "domain");
        // Signing the domain itself (primaryType EIP712Domain) hashes no message, as wallets do.
        _messageHash = primaryType == DomainTypeName ? null : _encoder.HashStruct(primaryType, message, primaryType);
    }

    /// <summary>Typed data with the domain given by its standard members.</summary>
    public TypedData(
        TypedDataDomain domain,
        IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types,
        string primaryType,
        IReadOnlyDictionary<string, object?> message)
        : this(WithDomainType(domain, types), primaryType, (domain ?? throw new ArgumentNullException(nameof(domain))).Values(), message)
    {
    }

    /// <summary>Parses the JSON object eth_signTypedData_v4 takes: { types, primaryType, domain, message }.</summary>
    /// <exception cref="Eip712Exception">malformed JSON or any problem the constructor reports.</exception>
    public static TypedData Parse(string json) => TypedDataJson.Parse(json);

    /// <summary>All struct types, including EIP712Domain.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types { get; }

    public string PrimaryType { get; }

    public IReadOnlyDictionary<string, object?> Domain { get; }

    public IReadOnlyDictionary<string, object?> Message { get; }

    /// <summary>encodeType: e.g. "Mail(Person from,Person to,string contents)Person(string name,address wallet)".</summary>
    public string EncodeType(string typeName) => _encoder.EncodeType(typeName);

    /// <summary>keccak(encodeType(typeName)).</summary>
    public Hash32 TypeHash(string typeName) => _encoder.TypeHash(typeName);

    /// <summary>encodeData of a struct value of one of <see cref="Types"/>: typeHash ‖ 32-byte member encodings.</summary>
    public byte[] EncodeData(string typeName, IReadOnlyDictionary<string, object?> value) => _encoder.EncodeData(typeName, value, typeName);

    /// <summary>hashStruct = keccak(encodeData) of a struct value of one of <see cref="Types"/>.</summary>
    public Hash32 HashStruct(string typeName, IReadOnlyDictionary<string, object?> value) => _encoder.HashStruct(typeName, value, typeName);

    /// <summary>hashStruct(message) under the primary type.</summary>
    public Hash32 HashMessage() => _messageHash ?? throw new Eip712Exception("the primary type is EIP712Domain: there is no message to hash");

    /// <summary>hashStruct(domain) under EIP712Domain.</summary>
    public Hash32 DomainSeparator() => _domainSeparator;

    /// <summary>The digest to sign: keccak(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message)).</summary>
    public Hash32 SigningHash()
    {
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        _domainSeparator.CopyTo(buffer[2..]);
        if (_messageHash is not { } messageHash) return Hash32.Of(buffer[..34]);
        messageHash.CopyTo(buffer[34..]);
        return Hash32.Of(buffer);
    }

    /// <summary>Signs <see cref="SigningHash"/>, as eth_signTypedData_v4 does.</summary>
    public EthSignature Sign(EthKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(SigningHash());
    }

    /// <summary>The address that produced this signature over this typed data.</summary>
    public Address RecoverSigner(EthSignature signature) => EcRecover.Recover(SigningHash(), signature);

    private static IReadOnlyList<TypedDataField> InferDomainType(IReadOnlyDictionary<string, object?> domain)
    {
        foreach (var key in domain.Keys)
        {
            if (Array.IndexOf(DomainFieldOrder, key) < 0)
                throw new Eip712Exception($"domain: '{key}' is not a standard domain member; declare EIP712Domain in types to use it");
        }
        var fields = new List<TypedDataField>();
        for (var i = 0; i < DomainFieldOrder.Length; i++)
        {
            if (domain.ContainsKey(DomainFieldOrder[i])) fields.Add(new(DomainFieldOrder[i], DomainFieldTypes[i]));
        }
        return fields;
    }

    private static Dictionary<string, IReadOnlyList<TypedDataField>> WithDomainType(
        TypedDataDomain domain, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(types);
        var all = types.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var fields = domain.Fields();
        if (all.TryGetValue(DomainTypeName, out var declared) && !declared.SequenceEqual(fields))
            throw new Eip712Exception($"types.EIP712Domain ({string.Join(",", declared)}) does not match the domain's members ({string.Join(",", fields)})");
        all[DomainTypeName] = fields;
        return all;
    }
}
