using System.Globalization;
using System.Numerics;
using System.Text;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Abi;

/// <summary>Human-readable rendering of decoded values: integers in decimal, addresses EIP-55, bytes as 0x hex, strings quoted.</summary>
internal static class AbiValueFormatter
{
    private const int MaxStringChars = 200;

    /// <summary><c>Name(a=1, b="x")</c>; unnamed parameters print only their value.</summary>
    public static string FormatCall(string name, IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object> values)
    {
        var sb = new StringBuilder(name).Append('(');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            var p = i < parameters.Count ? parameters[i] : null;
            if (p is { Name.Length: > 0 }) sb.Append(p.Name).Append('=');
            Append(sb, p?.Type, values[i]);
        }
        return sb.Append(')').ToString();
    }

    public static void Append(StringBuilder sb, AbiType? type, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case BigInteger b:
                sb.Append(b.ToString(CultureInfo.InvariantCulture));
                break;
            case Address a:
                sb.Append(a.ToChecksumString());
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case byte[] bytes:
                sb.Append(Hex.Encode(bytes));
                break;
            case string s:
                AppendQuoted(sb, s);
                break;
            case object[] items:
                {
                    var isTuple = type?.Kind == AbiKind.Tuple;
                    sb.Append(isTuple ? '(' : '[');
                    for (var i = 0; i < items.Length; i++)
                    {
                        if (i > 0) sb.Append(", ");
                        var inner = isTuple ? (i < type!.Components.Count ? type.Components[i].Type : null) : type?.ElementType;
                        if (isTuple && i < type!.Components.Count && type.Components[i].Name.Length > 0)
                            sb.Append(type.Components[i].Name).Append('=');
                        Append(sb, inner, items[i]);
                    }
                    sb.Append(isTuple ? ')' : ']');
                    break;
                }
            default:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void AppendQuoted(StringBuilder sb, string s)
    {
        sb.Append('"');
        var shown = s.Length > MaxStringChars ? s.AsSpan(0, MaxStringChars) : s.AsSpan();
        foreach (var c in shown)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        if (s.Length > MaxStringChars) sb.Append("...");
        sb.Append('"');
    }
}
