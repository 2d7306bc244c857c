using DePin.Index.Subgraph.Values;

namespace DePin.Index.Store;

/// <summary>
/// One change of one entity at one block, as the entity cache hands it to the store.
/// <see cref="Id"/> is the id as the mapping writes it: the string for String ids, <c>0x</c>-hex for
/// Bytes ids (the prefix is optional), decimal for Int8 ids. <see cref="Entity"/> is the complete new
/// state (every field the entity has; absent or null fields are stored as null) for Insert and
/// Overwrite, and null for Remove.
/// </summary>
public sealed record EntityModification(string EntityType, string Id, Entity? Entity, int Block, ModificationKind Kind)
{
    public static EntityModification Insert(string entityType, string id, Entity entity, int block) =>
        new(entityType, id, entity ?? throw new ArgumentNullException(nameof(entity)), block, ModificationKind.Insert);

    public static EntityModification Overwrite(string entityType, string id, Entity entity, int block) =>
        new(entityType, id, entity ?? throw new ArgumentNullException(nameof(entity)), block, ModificationKind.Overwrite);

    public static EntityModification Remove(string entityType, string id, int block) =>
        new(entityType, id, null, block, ModificationKind.Remove);
}
