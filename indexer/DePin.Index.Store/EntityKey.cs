namespace DePin.Index.Store;

/// <summary>An entity by type and id (the id as the mapping writes it, see <see cref="EntityModification"/>).</summary>
public readonly record struct EntityKey(string EntityType, string Id);
