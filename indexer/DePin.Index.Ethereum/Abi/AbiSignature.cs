using System.Text;

namespace DePin.Index.Ethereum.Abi;

/// <summary>Canonical signatures (<c>name(type1,type2)</c>) and parameter-name lookups shared by functions, events and errors.</summary>
internal static class AbiSignature
{
    public static string Build(string name, IReadOnlyList<AbiParameter> parameters)
    {
        var sb = new StringBuilder(name).Append('(');
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(parameters[i].Type.CanonicalName);
        }
        return sb.Append(')').ToString();
    }

    public static void CheckName(string name, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0) throw new AbiException($"{what} name is empty");
        if (!(char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$'))
            throw new AbiException($"{what} name '{AbiType.Truncate(name)}' is not a valid identifier");
    }

    public static AbiParameter[] CheckParameters(IReadOnlyList<AbiParameter>? parameters, string what, bool allowIndexed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var list = parameters.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null) throw new AbiException($"{what}: parameter {i} is null");
            if (list[i].Indexed && !allowIndexed) throw new AbiException($"{what}: parameter {i} '{list[i].Name}' is marked indexed, which only event inputs may be");
        }
        return list;
    }

    /// <summary>Index of the first parameter with this name, or -1.</summary>
    public static int IndexOf(IReadOnlyList<AbiParameter> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
            if (parameters[i].Name == name) return i;
        return -1;
    }
}
