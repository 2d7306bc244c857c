using System.Collections;
using DePin.Index.Ethereum.Rlp;

namespace DePin.Index.Ethereum.Transactions;

/// <summary>An EIP-2930 access list; RLP form [[address, [storageKey, …]], …]. Immutable; compared by content.</summary>
public sealed class AccessList : IReadOnlyList<AccessListEntry>, IEquatable<AccessList>
{
    private readonly AccessListEntry[] _entries;

    public AccessList(IEnumerable<AccessListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToArray();
        if (_entries.Any(e => e is null)) throw new ArgumentException("an access list entry is null", nameof(entries));
    }

    public static AccessList Empty { get; } = new([]);

    public int Count => _entries.Length;

    public AccessListEntry this[int index] => _entries[index];

    public IEnumerator<AccessListEntry> GetEnumerator() => ((IEnumerable<AccessListEntry>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    public bool Equals(AccessList? other) => other is not null && _entries.SequenceEqual(other._entries);

    public override bool Equals(object? obj) => Equals(obj as AccessList);

    public override int GetHashCode() => _entries.Length;

    internal byte[] Encode() => RlpEncoder.EncodeList(_entries.Select(e =>
        RlpEncoder.EncodeList(
            RlpEncoder.EncodeBytes(e.Address.ToArray()),
            RlpEncoder.EncodeList(e.StorageKeys.Select(k => RlpEncoder.EncodeBytes(k.ToArray()))))));

    internal static AccessList Decode(RlpItem item)
    {
        var entries = new List<AccessListEntry>(item.Items.Count);
        foreach (var entry in item.Items)
        {
            var pair = entry.ItemsOfCount(2, "an access list entry");
            entries.Add(new AccessListEntry(pair[0].ToAddress(), pair[1].Items.Select(k => k.ToHash32())));
        }
        return new AccessList(entries);
    }
}
