using System.Collections.Concurrent;

namespace DePin.Index.Runtime.Asc;

/// <summary>
/// <c>id_of_type</c> results of one module, shared by all its instances (graph-node caches
/// them on the module too): the ids are fixed by the compiled code. Thread-safe.
/// </summary>
internal sealed class TypeIdCache
{
    private readonly uint[] _small = new uint[64];
    private readonly ConcurrentDictionary<int, uint> _others = new();

    public bool TryGet(AscTypeId type, out uint id)
    {
        var index = (int)type;
        if ((uint)index < (uint)_small.Length)
        {
            // Stored as id + 1 so that 0 means "not known yet".
            var cached = Volatile.Read(ref _small[index]);
            id = cached - 1;
            return cached != 0;
        }

        return _others.TryGetValue(index, out id);
    }

    public void Add(AscTypeId type, uint id)
    {
        var index = (int)type;
        if ((uint)index < (uint)_small.Length)
        {
            Volatile.Write(ref _small[index], id + 1);
        }
        else
        {
            _others[index] = id;
        }
    }
}
