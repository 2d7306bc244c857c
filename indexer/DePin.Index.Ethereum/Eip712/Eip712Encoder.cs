using System.Collections;
using System.Globalization;
using System.Text;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Eip712;

/// <summary>
/// encodeType, typeHash, encodeData and hashStruct over one validated set of struct types (EIP-712 §
/// "Definition of encodeType/encodeData/hashStruct"). Arrays hash the concatenation of their elements'
/// encodings; structs inside are hashStruct; string and bytes are keccak of their contents.
/// </summary>
internal sealed class Eip712Encoder
{
    /// <summary>Deepest nesting of structs and arrays accepted in a value (guards against cyclic objects).</summary>
    public const int MaxDepth = 64;

    private readonly IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> _types;

    public Eip712Encoder(IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        foreach (var (name, fields) in types) ValidateStruct(name, fields, types);
        _types = types;
    }

    public bool IsStruct(string name) => _types.ContainsKey(name);

    /// <summary>"Name(type field,…)" followed by every struct it references, sorted by name.</summary>
    public string EncodeType(string primaryType)
    {
        RequireStruct(primaryType);
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        Collect(primaryType, dependencies);
        dependencies.Remove(primaryType);
        var sb = new StringBuilder();
        Append(sb, primaryType);
        foreach (var dependency in dependencies) Append(sb, dependency);
        return sb.ToString();
    }

    public Hash32 TypeHash(string type) => Hash32.Of(Encoding.UTF8.GetBytes(EncodeType(type)));

    /// <summary>typeHash ‖ one 32-byte word per member.</summary>
    public byte[] EncodeData(string type, object? value, string path) => EncodeData(type, value, path, 0);

    public Hash32 HashStruct(string type, object? value, string path) => Hash32.Of(EncodeData(type, value, path, 0));

    private byte[] EncodeData(string type, object? value, string path, int depth)
    {
        RequireStruct(type);
        var fields = _types[type];
        var members = AsStruct(value, path, type);
        foreach (var key in members.Keys)
        {
            if (!fields.Any(f => f.Name == key)) throw new Eip712Exception($"{path}: '{key}' is not a member of {type}");
        }
        var output = new byte[32 * (fields.Count + 1)];
        TypeHash(type).CopyTo(output);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var fieldPath = $"{path}.{field.Name}";
            if (!members.TryGetValue(field.Name, out var member)) throw new Eip712Exception($"{fieldPath}: missing member of {type}");
            EncodeValue(field.Type, member, fieldPath, depth + 1, output.AsSpan(32 * (i + 1), 32));
        }
        return output;
    }

    private void EncodeValue(string type, object? value, string path, int depth, Span<byte> word)
    {
        if (depth > MaxDepth) throw new Eip712Exception($"{path}: nested deeper than {MaxDepth} levels");
        if (SplitArray(type, out var element, out var length))
        {
            var items = AsList(value, path, type);
            if (length is { } fixedLength && items.Count != fixedLength)
                throw new Eip712Exception($"{path}: {type} needs exactly {fixedLength} elements, got {items.Count}");
            var buffer = new byte[32 * items.Count];
            for (var i = 0; i < items.Count; i++)
                EncodeValue(element, items[i], $"{path}[{i}]", depth + 1, buffer.AsSpan(32 * i, 32));
            Keccak256.Hash(buffer, word);
        }
        else if (_types.ContainsKey(type))
        {
            Keccak256.Hash(EncodeData(type, value, path, depth), word);
        }
        else
        {
            Eip712Atomic.Encode(type, value, path, word);
        }
    }

    private void Collect(string type, SortedSet<string> found)
    {
        if (!found.Add(type)) return;
        foreach (var field in _types[type])
        {
            var baseType = BaseType(field.Type);
            if (_types.ContainsKey(baseType)) Collect(baseType, found);
        }
    }

    private void Append(StringBuilder sb, string type) =>
        sb.Append(type).Append('(').AppendJoin(',', _types[type].Select(f => $"{f.Type} {f.Name}")).Append(')');

    private void RequireStruct(string type)
    {
        if (!_types.ContainsKey(type)) throw new Eip712Exception($"'{type}' is not a struct type defined in types");
    }

    /// <summary>For "T[k]" or "T[]": the element type T and the fixed length k (null when dynamic).</summary>
    internal static bool SplitArray(string type, out string element, out int? length)
    {
        element = type;
        length = null;
        if (!type.EndsWith(']')) return false;
        var open = type.LastIndexOf('[');
        if (open <= 0) throw new Eip712Exception($"'{type}' is not a valid type: unbalanced brackets");
        element = type[..open];
        var digits = type.AsSpan(open + 1, type.Length - open - 2);
        if (digits.IsEmpty) return true;
        if (digits[0] == '0' || digits.ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new Eip712Exception($"'{type}' is not a valid type: array length must be a positive integer");
        length = n;
        return true;
    }

    private static string BaseType(string type)
    {
        while (SplitArray(type, out var element, out _)) type = element;
        return type;
    }

    private static void ValidateStruct(string name, IReadOnlyList<TypedDataField> fields, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        if (!IsIdentifier(name)) throw new Eip712Exception($"'{name}' is not a valid struct type name");
        if (Eip712Atomic.IsBuiltIn(name, out _)) throw new Eip712Exception($"'{name}' is a built-in type and cannot be redefined as a struct");
        if (fields is null) throw new Eip712Exception($"struct {name} has no member list");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (field is null || !IsIdentifier(field.Name)) throw new Eip712Exception($"struct {name} has a member without a valid name: '{field?.Name}'");
            if (!seen.Add(field.Name)) throw new Eip712Exception($"struct {name} has member '{field.Name}' twice");
            if (string.IsNullOrEmpty(field.Type)) throw new Eip712Exception($"{name}.{field.Name} has no type");
            var baseType = BaseType(field.Type);
            if (types.ContainsKey(baseType)) continue;
            if (!Eip712Atomic.IsBuiltIn(baseType, out var error))
                throw new Eip712Exception($"{name}.{field.Name}: {error ?? $"unknown type '{baseType}' (not built in and not defined in types)"}");
        }
    }

    private static bool IsIdentifier(string? s) =>
        !string.IsNullOrEmpty(s) && !char.IsAsciiDigit(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');

    private static IReadOnlyDictionary<string, object?> AsStruct(object? value, string path, string type)
    {
        switch (value)
        {
            case null:
                throw new Eip712Exception($"{path}: missing value for struct {type}");
            case IReadOnlyDictionary<string, object?> typed:
                return typed;
            case IDictionary untyped:
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in untyped)
                {
                    if (entry.Key is not string key) throw new Eip712Exception($"{path}: struct {type} has a non-string key");
                    copy[key] = entry.Value;
                }
                return copy;
            default:
                throw new Eip712Exception($"{path}: a {value.GetType().Name} cannot be a struct {type} (use a dictionary)");
        }
    }

    private static IReadOnlyList<object?> AsList(object? value, string path, string type) => value switch
    {
        null => throw new Eip712Exception($"{path}: missing value for {type}"),
        string or byte[] or IDictionary => throw new Eip712Exception($"{path}: a {value.GetType().Name} cannot be an array {type}"),
        IEnumerable items => items.Cast<object?>().ToList(),
        _ => throw new Eip712Exception($"{path}: a {value.GetType().Name} cannot be an array {type}"),
    };
}
