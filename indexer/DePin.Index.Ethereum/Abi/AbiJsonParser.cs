using System.Text.Json;

namespace DePin.Index.Ethereum.Abi;

/// <summary>Reads the JSON ABI (an array of entries, or an artifact object with an "abi" array) into definitions.</summary>
internal static class AbiJsonParser
{
    public sealed record Result(
        List<FunctionAbi> Functions,
        List<EventAbi> Events,
        List<ErrorAbi> Errors,
        IReadOnlyList<AbiParameter>? Constructor,
        bool HasFallback,
        bool HasReceive);

    public static Result Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            return Parse(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new AbiException($"the contract ABI is not valid JSON: {e.Message}", e);
        }
    }

    public static Result Parse(JsonElement root)
    {
        var entries = root;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("abi", out entries))
                throw new AbiException("the contract ABI must be a JSON array (or an object with an \"abi\" array), got an object without \"abi\"");
        }
        if (entries.ValueKind != JsonValueKind.Array)
            throw new AbiException($"the contract ABI must be a JSON array of entries, got {Describe(entries.ValueKind)}");

        var result = new Result([], [], [], null, false, false);
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            try
            {
                result = ParseEntry(entry, result);
            }
            catch (AbiException e)
            {
                var name = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? $" '{n.GetString()}'" : "";
                throw new AbiException($"ABI entry {index}{name}: {e.Message}", e);
            }
            index++;
        }
        return result;
    }

    private static Result ParseEntry(JsonElement entry, Result result)
    {
        if (entry.ValueKind != JsonValueKind.Object) throw new AbiException($"an entry must be a JSON object, got {Describe(entry.ValueKind)}");
        var type = OptionalString(entry, "type") ?? "function";
        switch (type)
        {
            case "function":
                result.Functions.Add(new FunctionAbi(RequiredString(entry, "name"), Parameters(entry, "inputs", false), Parameters(entry, "outputs", false), Mutability(entry)));
                return result;
            case "event":
                result.Events.Add(new EventAbi(RequiredString(entry, "name"), Parameters(entry, "inputs", true), OptionalBool(entry, "anonymous")));
                return result;
            case "error":
                result.Errors.Add(new ErrorAbi(RequiredString(entry, "name"), Parameters(entry, "inputs", false)));
                return result;
            case "constructor":
                if (result.Constructor is not null) throw new AbiException("a second constructor");
                return result with { Constructor = Parameters(entry, "inputs", false) };
            case "fallback":
                return result with { HasFallback = true };
            case "receive":
                return result with { HasReceive = true };
            default:
                throw new AbiException($"unknown entry type '{type}' (expected function, event, error, constructor, fallback or receive)");
        }
    }

    private static AbiParameter[] Parameters(JsonElement owner, string property, bool allowIndexed)
    {
        if (!owner.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array) throw new AbiException($"\"{property}\" must be an array, got {Describe(list.ValueKind)}");
        var result = new List<AbiParameter>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            try
            {
                result.Add(Parameter(item, allowIndexed, 0));
            }
            catch (AbiException e)
            {
                throw new AbiException($"{property}[{i}]: {e.Message}", e);
            }
            i++;
        }
        return [.. result];
    }

    private static AbiParameter Parameter(JsonElement item, bool allowIndexed, int depth)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new AbiException($"a parameter must be a JSON object, got {Describe(item.ValueKind)}");
        if (depth > AbiType.MaxDepth) throw new AbiException($"components nest deeper than {AbiType.MaxDepth} levels");
        var name = OptionalString(item, "name") ?? "";
        var typeText = RequiredString(item, "type");
        var indexed = OptionalBool(item, "indexed");
        if (indexed && !allowIndexed) throw new AbiException($"parameter '{name}' has \"indexed\", which only event inputs may have");
        AbiType type;
        if (typeText.StartsWith("tuple", StringComparison.Ordinal))
        {
            var suffix = typeText[5..];
            if (!item.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
                throw new AbiException($"parameter '{name}' of type '{typeText}' needs a \"components\" array");
            var list = new List<AbiParameter>();
            var i = 0;
            foreach (var c in components.EnumerateArray())
            {
                try
                {
                    list.Add(Parameter(c, false, depth + 1));
                }
                catch (AbiException e)
                {
                    throw new AbiException($"components[{i}] of '{name}': {e.Message}", e);
                }
                i++;
            }
            type = AbiTypeParser.ApplySuffixes(AbiType.Tuple(list), suffix, typeText);
        }
        else
        {
            type = AbiType.Parse(typeText);
        }
        return new AbiParameter(name, type, indexed, OptionalString(item, "internalType"));
    }

    private static StateMutability Mutability(JsonElement entry)
    {
        var text = OptionalString(entry, "stateMutability");
        if (text is null)
        {
            if (OptionalBool(entry, "payable")) return StateMutability.Payable;
            return OptionalBool(entry, "constant") ? StateMutability.View : StateMutability.NonPayable;
        }
        return text switch
        {
            "nonpayable" => StateMutability.NonPayable,
            "payable" => StateMutability.Payable,
            "view" => StateMutability.View,
            "pure" => StateMutability.Pure,
            _ => throw new AbiException($"unknown stateMutability '{text}' (expected pure, view, nonpayable or payable)"),
        };
    }

    private static string RequiredString(JsonElement obj, string property) =>
        OptionalString(obj, property) ?? throw new AbiException($"missing \"{property}\"");

    private static string? OptionalString(JsonElement obj, string property)
    {
        if (!obj.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new AbiException($"\"{property}\" must be a string, got {Describe(v.ValueKind)}");
    }

    private static bool OptionalBool(JsonElement obj, string property)
    {
        if (!obj.TryGetProperty(property, out var v) || v.ValueKind == JsonValueKind.Null) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new AbiException($"\"{property}\" must be true or false, got {Describe(v.ValueKind)}"),
        };
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
