using System.Globalization;
using DePin.Index.Runtime.Asc;
using DePin.Index.Runtime.Hosting;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.HostFunctions;

/// <summary>
/// <c>store.get/get_in_block/loadRelated/set/remove</c>. Ids are checked against the schema's id
/// kind (Bytes ids are hex, normalised to lower case with <c>0x</c>; Int8 ids decimal), and
/// <c>store.set</c> applies graph-node's rules: the <c>id</c> field is added or must agree with
/// the key, undefined fields fail from apiVersion 0.0.8 (earlier they are dropped), and the
/// entity must pass the schema's validation. Without a schema, ids are strings unless the
/// entity's own <c>id</c> field is Bytes or Int8 (then the key is normalised for that kind).
/// </summary>
internal static class StoreFunctions
{
    private static readonly Version ApiVersion008 = new(0, 0, 8);

    public static void Register(HostFunctionRegistry r)
    {
        r.Add("store.get", (ctx, type, id) => Get(ctx, type, id, inBlock: false));
        r.Add("store.get_in_block", (ctx, type, id) => Get(ctx, type, id, inBlock: true));
        r.Add("store.loadRelated", LoadRelated);
        r.Add("store.set", Set);
        r.Add("store.remove", (ctx, typePtr, idPtr) =>
        {
            var type = ReadType(ctx, typePtr, "remove");
            var (id, _) = ReadKey(ctx, type, idPtr);
            ctx.Entities.Remove(type, id);
        });
    }

    private static uint Get(InstanceContext ctx, uint typePtr, uint idPtr, bool inBlock)
    {
        var type = ReadType(ctx, typePtr, "get");
        var (id, _) = ReadKey(ctx, type, idPtr);
        var entity = inBlock ? ctx.Entities.GetInBlock(type, id) : ctx.Entities.Get(type, id);
        return entity is null ? 0 : ctx.Heap.WriteEntity(entity);
    }

    private static uint LoadRelated(InstanceContext ctx, uint typePtr, uint idPtr, uint fieldPtr)
    {
        var type = ReadType(ctx, typePtr, "load related entities of");
        var (id, _) = ReadKey(ctx, type, idPtr);
        var field = ctx.Heap.ReadString(fieldPtr);
        var entities = ctx.Entities.LoadRelated(type, id, field);
        var items = new uint[entities.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ctx.Heap.WriteEntity(entities[i]);
        }

        return ctx.Heap.WritePointerArray(AscTypeId.ArrayTypedMapStringStoreValue, items);
    }

    private static void Set(InstanceContext ctx, uint typePtr, uint idPtr, uint dataPtr)
    {
        var type = ReadType(ctx, typePtr, "set");
        var data = ctx.Heap.ReadEntity(dataPtr);

        // Without a schema the id kind is taken from the entity's own id field, if any.
        var inferred = ctx.Current.Schema is null && data.Get("id") is { Kind: ValueKind.Bytes or ValueKind.Int8 } own ? own.Kind : (ValueKind?)null;
        var (id, idValue) = ReadKey(ctx, type, idPtr, inferred);
        if (data.Get("id") is { } given)
        {
            if (given.Kind != idValue.Kind)
            {
                throw HostException.Fail($"Attribute `{type}.id` has wrong type: expected {TypeName(idValue)} but got {TypeName(given)}");
            }

            if (!given.Equals(idValue))
            {
                throw HostException.Fail(
                    $"Value of {type} attribute 'id' conflicts with ID passed to `store.set()`: {TypeName(given)}({given}) != {TypeName(idValue)}({idValue})");
            }
        }
        else
        {
            data.Set("id", idValue);
        }

        if (ctx.Current.Schema is { } schema)
        {
            if (Undefined(schema, type, data) is { } undefined)
            {
                if (ctx.ApiVersion >= ApiVersion008)
                {
                    throw HostException.Fail(
                        $"Attempted to set undefined fields [{string.Join(", ", undefined)}] for the entity type `{type}`. " +
                        "Make sure those fields are defined in the schema.");
                }

                foreach (var field in undefined)
                {
                    data.Remove(field);
                }
            }

            if (schema.Validate(type, data) is { } reason)
            {
                throw HostException.Fail(reason);
            }
        }

        ctx.Entities.Set(type, id, data);
    }

    /// <summary>The entity's fields the schema does not define, sorted; null when there are none (no allocation).</summary>
    private static List<string>? Undefined(IMappingSchema schema, string type, Entity data)
    {
        var names = data.FieldNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (!schema.HasField(type, names[i]))
            {
                return names.Where(f => !schema.HasField(type, f)).Order(StringComparer.Ordinal).ToList();
            }
        }

        return null;
    }

    private static string ReadType(InstanceContext ctx, uint typePtr, string operation)
    {
        var type = ctx.Heap.ReadName(typePtr);
        if (ctx.Current.Schema is { } schema && !schema.HasEntityType(type))
        {
            throw HostException.Fail($"Cannot {operation} entity of type `{type}`. The type must be an @entity type defined in the schema");
        }

        return type;
    }

    /// <summary>The normalised id string (the store key) and the id as a value of the type's id kind.</summary>
    private static (string Id, Value Value) ReadKey(InstanceContext ctx, string type, uint idPtr, ValueKind? kindWithoutSchema = null)
    {
        var id = ctx.Heap.ReadCachedString(idPtr);
        var kind = ctx.Current.Schema?.GetIdKind(type) ?? kindWithoutSchema ?? ValueKind.String;
        switch (kind)
        {
            case ValueKind.Bytes:
                var hex = id.StartsWith("0x", StringComparison.Ordinal) ? id[2..] : id;
                byte[] bytes;
                try
                {
                    bytes = Convert.FromHexString(hex);
                }
                catch (FormatException)
                {
                    throw HostException.Fail($"Entity {type}[{id}]: the id is not valid hex for a Bytes id");
                }

                return ("0x" + Convert.ToHexStringLower(bytes), Value.FromBytes(bytes));
            case ValueKind.Int8:
                if (!long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    throw HostException.Fail($"Entity {type}[{id}]: the id is not a valid Int8");
                }

                return (number.ToString(CultureInfo.InvariantCulture), Value.FromInt8(number));
            default:
                return (id, Value.FromString(id));
        }
    }

    private static string TypeName(Value value) => value.Kind switch
    {
        ValueKind.Bool => "Boolean",
        ValueKind.Array => "List",
        _ => value.Kind.ToString(),
    };
}
