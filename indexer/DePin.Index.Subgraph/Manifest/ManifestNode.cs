using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DePin.Index.Subgraph.Manifest;

/// <summary>
/// A YAML node of the manifest with its key path, so that every error names the file, the line,
/// the column and the key (<c>dataSources[0].source.startBlock</c>).
/// </summary>
internal readonly struct ManifestNode(YamlNode node, string path, string file)
{
    public YamlNode Node { get; } = node;

    public string Path { get; } = path;

    public string File { get; } = file;

    public ManifestLocation Location => new(File, Path, (int)Node.Start.Line, (int)Node.Start.Column);

    /// <summary>True for an explicit null (<c>~</c>, <c>null</c> or nothing after the colon); <c>Null</c> stays a string (a context value type).</summary>
    public bool IsNull => Node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    public ManifestException Error(string problem) => Location.Error(problem);

    public ManifestNode? Get(string key)
    {
        var map = AsMapping();
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                var child = new ManifestNode(v, Child(key), File);
                return child.IsNull ? null : child;
            }
        }

        return null;
    }

    public ManifestNode Required(string key) =>
        Get(key) ?? throw new ManifestException(File, (int)Node.Start.Line, (int)Node.Start.Column, Child(key), "required key is missing");

    public YamlMappingNode AsMapping() =>
        Node as YamlMappingNode ?? throw Error($"must be a mapping (key: value pairs), not {Describe()}");

    /// <summary>Rejects keys not in <paramref name="allowed"/> (a typo would otherwise be silently ignored).</summary>
    public void AllowOnly(params string[] allowed)
    {
        foreach (var (k, _) in AsMapping().Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new ManifestException(File, (int)k.Start.Line, (int)k.Start.Column, Child(name),
                    $"unknown key (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    public IEnumerable<(string Key, ManifestNode Value)> Entries()
    {
        foreach (var (k, v) in AsMapping().Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? throw new ManifestException(File, (int)k.Start.Line, (int)k.Start.Column, Path, "keys must be plain strings");
            yield return (name, new ManifestNode(v, Child(name), File));
        }
    }

    public IEnumerable<ManifestNode> Items()
    {
        if (Node is not YamlSequenceNode seq)
        {
            throw Error($"must be a list, not {Describe()}");
        }

        var i = 0;
        foreach (var item in seq.Children)
        {
            yield return new ManifestNode(item, $"{Path}[{i++}]", File);
        }
    }

    public string AsString()
    {
        if (Node is not YamlScalarNode { Value: { } value } || IsNull)
        {
            throw Error($"must be a string, not {Describe()}");
        }

        return value;
    }

    /// <summary>A non-empty string without surrounding spaces.</summary>
    public string AsName()
    {
        var s = AsString().Trim();
        return s.Length > 0 ? s : throw Error("must not be empty");
    }

    public long AsInteger(long min, long max)
    {
        var text = AsString();
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            var what = min == 0 ? "a non-negative integer" : min == 1 ? "a positive integer" : "an integer";
            throw Error($"must be {what}{(max < long.MaxValue ? $" up to {max}" : "")}, not '{Truncate(text)}'");
        }

        return n;
    }

    public bool AsBool() => AsString() switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        var other => throw Error($"must be true or false, not '{Truncate(other)}'"),
    };

    /// <summary>A version such as <c>0.0.9</c> or <c>1.0.0</c>.</summary>
    public Version AsVersion()
    {
        var text = AsString().Trim();
        var parts = text.Split('.');
        if (parts.Length != 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) || !Version.TryParse(text, out var v))
        {
            throw Error($"must be a version like 1.0.0, not '{Truncate(text)}'");
        }

        return v;
    }

    public List<string> AsStringList() => [.. Items().Select(i => i.AsName())];

    public string Describe() => Node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode when IsNull => "null",
        YamlScalarNode s => $"'{Truncate(s.Value ?? "")}'",
        _ => Node.NodeType.ToString(),
    };

    private string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    internal static string Truncate(string s) => s.Length <= 80 ? s : string.Concat(s.AsSpan(0, 80), "…");
}
