using DePin.Index.Subgraph.Values;

namespace DePin.Index.Indexing.Internal;

/// <summary>
/// graph-node's entity update rules: a <c>store.set</c> merges its fields onto the stored entity (fields it
/// does not carry keep their value) and a field set to null is removed (<c>merge_remove_null_fields</c>).
/// </summary>
internal static class EntityMerge
{
    /// <summary>The state after applying <paramref name="update"/> (owned by the caller) onto <paramref name="current"/>.</summary>
    /// <param name="current">The current state.</param>
    /// <param name="update">The update; it may be returned (nulls removed) or left as it is.</param>
    /// <param name="currentOwned">True when <paramref name="current"/> may be changed in place.</param>
    /// <param name="keepNulls">True to keep null fields (accumulating updates before the stored version is known).</param>
    public static Entity Apply(Entity current, Entity update, bool currentOwned, bool keepNulls = false)
    {
        if (Covers(update, current))
        {
            return keepNulls ? update : RemoveNulls(update);
        }

        var target = currentOwned ? current : current.Clone();
        var names = update.FieldNames;
        for (var i = 0; i < names.Count; i++)
        {
            var value = update.Get(names[i])!;
            if (value.IsNull && !keepNulls)
            {
                target.Remove(names[i]);
            }
            else
            {
                target.Set(names[i], value);
            }
        }

        return target;
    }

    /// <summary>Removes null fields in place.</summary>
    public static Entity RemoveNulls(Entity entity)
    {
        List<string>? nulls = null;
        var names = entity.FieldNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (entity.Get(names[i])!.IsNull)
            {
                (nulls ??= []).Add(names[i]);
            }
        }

        if (nulls is not null)
        {
            foreach (var name in nulls)
            {
                entity.Remove(name);
            }
        }

        return entity;
    }

    /// <summary>True when <paramref name="update"/> sets every field <paramref name="current"/> has (the usual load-change-save).</summary>
    private static bool Covers(Entity update, Entity current)
    {
        if (update.Count < current.Count)
        {
            return false;
        }

        // A loaded, changed and saved entity usually lists the same fields in the same order: compare names
        // position by position, and look the rest up only from the first difference.
        var names = current.FieldNames;
        var theirs = update.FieldNames;
        var i = 0;
        while (i < names.Count && string.Equals(names[i], theirs[i], StringComparison.Ordinal))
        {
            i++;
        }

        for (; i < names.Count; i++)
        {
            if (!update.Contains(names[i]))
            {
                return false;
            }
        }

        return true;
    }
}
