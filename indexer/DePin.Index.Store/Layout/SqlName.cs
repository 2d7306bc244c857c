using System.Text;

namespace DePin.Index.Store.Layout;

/// <summary>
/// SQL names as graph-node derives them: GraphQL names become snake_case with the rules of the Rust
/// <c>Inflector</c> crate's <c>to_snake_case</c> (an upper-case letter starts a new word when the letter
/// before or after it is lower case; <c>metadataURI</c> → <c>metadata_uri</c>, <c>latitudeE6</c> →
/// <c>latitude_e6</c>, <c>pricePerKWh</c> → <c>price_per_k_wh</c>; characters other than letters and
/// digits separate words; a leading separator is dropped).
/// </summary>
public static class SqlName
{
    /// <summary>The snake_case SQL name of a GraphQL type or field name.</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var end = name.Length;
        while (end > 0 && !char.IsLetterOrDigit(name[end - 1]))
        {
            end--;
        }

        var sb = new StringBuilder(end + 8);
        var wordStart = true;
        for (var i = 0; i < end; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (!wordStart)
                {
                    wordStart = true;
                    sb.Append('_');
                }
            }
            else if (!wordStart && char.IsUpper(c) && NextOrPreviousIsLower(name, i))
            {
                sb.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                wordStart = false;
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>A double-quoted SQL identifier (embedded quotes doubled).</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// graph-node's identifier rule: an ASCII letter or <c>_</c> first, then ASCII letters, digits and
    /// <c>_</c>. Throws a <see cref="StoreException"/> naming the <paramref name="kind"/> otherwise.
    /// </summary>
    public static void CheckIdentifier(string name, string kind)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new StoreException($"can not use an empty name for a {kind}");
        }

        if (!char.IsAsciiLetter(name[0]) && name[0] != '_')
        {
            throw new StoreException($"the name `{name}` can not be used for a {kind}; it must start with an ASCII alphabetic character or `_`");
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                throw new StoreException($"the name `{name}` can not be used for a {kind}; it can only contain alphanumeric characters and `_`");
            }
        }
    }

    private static bool NextOrPreviousIsLower(string s, int i) =>
        (i + 1 < s.Length && char.IsLower(s[i + 1])) || (i > 0 && char.IsLower(s[i - 1]));
}
