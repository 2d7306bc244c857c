namespace DePin.Index.Indexing.Internal;

/// <summary>An entity's type and normalised id.</summary>
internal readonly record struct CacheKey(string Type, string Id)
{
    public override string ToString() => $"{Type}[{Id}]";
}
