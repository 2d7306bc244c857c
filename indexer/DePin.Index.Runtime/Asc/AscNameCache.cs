using System.Runtime.InteropServices;

namespace DePin.Index.Runtime.Asc;

/// <summary>
/// Strings the host read from or wrote into the module's memory, by address (direct-mapped, 1,024
/// slots). A hit is confirmed by comparing the string's UTF-16 content with the memory, so an
/// address reused for another text is a miss, never a wrong answer: the cache only saves the
/// hashing and allocation of names a mapping passes again and again (entity types and field names
/// are static literals at fixed addresses).
/// </summary>
internal sealed class AscNameCache
{
    private const int Slots = 1024;
    private readonly uint[] _addresses = new uint[Slots];
    private readonly string?[] _names = new string?[Slots];

    public bool TryGet(uint ptr, ReadOnlySpan<byte> utf16, out string name)
    {
        var slot = Slot(ptr);
        var known = _names[slot];
        if (known is not null && _addresses[slot] == ptr && MemoryMarshal.AsBytes(known.AsSpan()).SequenceEqual(utf16))
        {
            name = known;
            return true;
        }

        name = null!;
        return false;
    }

    public void Remember(uint ptr, string name)
    {
        var slot = Slot(ptr);
        _addresses[slot] = ptr;
        _names[slot] = name;
    }

    private static int Slot(uint ptr) => (int)((ptr >> 4) & (Slots - 1));
}
