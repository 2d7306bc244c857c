using System.Text.RegularExpressions;

namespace DePin.Index.GraphQL.Internal.Schema;

/// <summary>
/// Query field names as graph-node derives them (<c>camel_cased_names</c>): singular = the type name in camelCase,
/// plural = its English plural (the Rust <c>Inflector</c> rules) in camelCase, with <c>_collection</c> appended when
/// the plural equals the singular (<c>KindStats</c> → <c>kindStats</c> / <c>kindStats_collection</c>).
/// </summary>
internal static partial class ApiNames
{
    private static readonly string[] Uncountable =
    [
        "equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police",
    ];

    private static readonly (Regex Pattern, string Replacement)[] Rules =
    [
        (new Regex("(quiz)$", RegexOptions.IgnoreCase), "${1}zes"),
        (new Regex("^(oxen)$", RegexOptions.IgnoreCase), "$1"),
        (new Regex("^(ox)$", RegexOptions.IgnoreCase), "${1}en"),
        (new Regex("(m|l)ice$", RegexOptions.IgnoreCase), "${1}ice"),
        (new Regex("(m|l)ouse$", RegexOptions.IgnoreCase), "${1}ice"),
        (new Regex("(matr|vert|ind)(?:ix|ex)$", RegexOptions.IgnoreCase), "${1}ices"),
        (new Regex("(x|ch|ss|sh)$", RegexOptions.IgnoreCase), "${1}es"),
        (new Regex("([^aeiouy]|qu)y$", RegexOptions.IgnoreCase), "${1}ies"),
        (new Regex("(hive)$", RegexOptions.IgnoreCase), "${1}s"),
        (new Regex("(?:([^f])fe|([lr])f)$", RegexOptions.IgnoreCase), "${1}${2}ves"),
        (new Regex("sis$", RegexOptions.IgnoreCase), "ses"),
        (new Regex("([ti])a$", RegexOptions.IgnoreCase), "${1}a"),
        (new Regex("([ti])um$", RegexOptions.IgnoreCase), "${1}a"),
        (new Regex("(buffal|tomat)o$", RegexOptions.IgnoreCase), "${1}oes"),
        (new Regex("(bu)s$", RegexOptions.IgnoreCase), "${1}ses"),
        (new Regex("(alias|status)$", RegexOptions.IgnoreCase), "${1}es"),
        (new Regex("(octop|vir)i$", RegexOptions.IgnoreCase), "${1}i"),
        (new Regex("(octop|vir)us$", RegexOptions.IgnoreCase), "${1}i"),
        (new Regex("^(ax|test)is$", RegexOptions.IgnoreCase), "${1}es"),
        (new Regex("s$", RegexOptions.IgnoreCase), "s"),
    ];

    private static readonly (string Singular, string Plural)[] Irregular =
    [
        ("person", "people"), ("man", "men"), ("child", "children"), ("sex", "sexes"), ("move", "moves"), ("zombie", "zombies"),
    ];

    public static string Singular(string typeName) => CamelCase(typeName);

    public static string Plural(string typeName)
    {
        var singular = Singular(typeName);
        var plural = CamelCase(Pluralize(typeName));
        return plural == singular ? plural + "_collection" : plural;
    }

    /// <summary>The English plural of the last word of <paramref name="word"/>.</summary>
    public static string Pluralize(string word)
    {
        var lower = word.ToLowerInvariant();
        foreach (var u in Uncountable)
        {
            if (lower.EndsWith(u, StringComparison.Ordinal))
            {
                return word;
            }
        }

        foreach (var (s, p) in Irregular)
        {
            if (lower.EndsWith(s, StringComparison.Ordinal) && (lower.Length == s.Length || char.IsUpper(word[^s.Length])))
            {
                return word[..^s.Length] + (char.IsUpper(word[^s.Length]) ? char.ToUpperInvariant(p[0]) + p[1..] : p);
            }
        }

        foreach (var (pattern, replacement) in Rules)
        {
            if (pattern.IsMatch(word))
            {
                return pattern.Replace(word, replacement, 1);
            }
        }

        return word + "s";
    }

    /// <summary>camelCase: the first letter lowered, <c>_x</c> → <c>X</c> (Inflector's <c>to_camel_case</c>).</summary>
    public static string CamelCase(string name)
    {
        var parts = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return name;
        }

        var sb = new System.Text.StringBuilder(name.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i];
            sb.Append(i == 0 ? char.ToLowerInvariant(p[0]) : char.ToUpperInvariant(p[0])).Append(p, 1, p.Length - 1);
        }

        return sb.ToString();
    }
}
