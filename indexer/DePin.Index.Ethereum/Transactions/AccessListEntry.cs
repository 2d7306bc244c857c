using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Transactions;

/// <summary>One EIP-2930 access list entry: an address and the storage slots the transaction pre-declares.</summary>
public sealed class AccessListEntry : IEquatable<AccessListEntry>
{
    public AccessListEntry(Address address, IEnumerable<Hash32>? storageKeys = null)
    {
        Address = address;
        StorageKeys = storageKeys?.ToArray() ?? [];
    }

    public Address Address { get; }

    public IReadOnlyList<Hash32> StorageKeys { get; }

    public bool Equals(AccessListEntry? other) =>
        other is not null && Address == other.Address && StorageKeys.SequenceEqual(other.StorageKeys);

    public override bool Equals(object? obj) => Equals(obj as AccessListEntry);

    public override int GetHashCode() => HashCode.Combine(Address, StorageKeys.Count);

    public override string ToString() => $"{Address.ToHex()} [{string.Join(", ", StorageKeys)}]";
}
