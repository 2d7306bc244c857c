namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// Parses Solidity-like declarations: <c>[keyword] Name(type [indexed] [name], …) [modifiers] [returns (…)]</c>
/// or graph-node's <c>name(inputs):(outputs)</c>. Tuples are written <c>(T1 a, T2 b)</c> or <c>tuple(…)</c>;
/// data locations (<c>memory</c>, <c>calldata</c>, <c>storage</c>) are ignored.
/// </summary>
internal sealed class AbiHumanReadable
{
    private static readonly HashSet<string> Locations = ["memory", "calldata", "storage"];
    private readonly string _text;
    private int _pos;

    private AbiHumanReadable(string text) => _text = text;

    public sealed record Declaration(string Name, AbiParameter[] Inputs, AbiParameter[] Outputs, IReadOnlySet<string> Modifiers);

    public static Declaration Parse(string text, string keyword)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new AbiException($"{keyword} declaration is empty");
        var p = new AbiHumanReadable(text);
        var name = p.Identifier("a name");
        if (name == keyword) name = p.Identifier("a name");
        AbiSignature.CheckName(name, keyword);
        var inputs = p.ParameterList(0);
        var modifiers = new HashSet<string>(StringComparer.Ordinal);
        AbiParameter[] outputs = [];
        while (true)
        {
            p.SkipSpace();
            if (p.AtEnd) break;
            if (p.Peek == ':')
            {
                p._pos++;
                outputs = p.ParameterList(0);
                continue;
            }
            var word = p.Identifier("a modifier, 'returns' or the end");
            if (word == "returns") outputs = p.ParameterList(0);
            else modifiers.Add(word);
        }
        return new Declaration(name, inputs, outputs, modifiers);
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek => _text[_pos];

    private AbiParameter[] ParameterList(int depth)
    {
        if (depth > AbiType.MaxDepth) throw Error($"nested deeper than {AbiType.MaxDepth} levels");
        Expect('(');
        var list = new List<AbiParameter>();
        SkipSpace();
        if (!AtEnd && Peek == ')') { _pos++; return [.. list]; }
        while (true)
        {
            list.Add(Parameter(depth));
            SkipSpace();
            if (AtEnd) throw Error("missing ')'");
            if (Peek == ',') { _pos++; continue; }
            if (Peek == ')') { _pos++; return [.. list]; }
            throw Error($"expected ',' or ')' but found '{Peek}'");
        }
    }

    private AbiParameter Parameter(int depth)
    {
        SkipSpace();
        AbiType type;
        if (!AtEnd && (Peek == '(' || string.CompareOrdinal(_text, _pos, "tuple(", 0, 6) == 0))
        {
            if (Peek == 't') _pos += 5;
            type = AbiType.Tuple(ParameterList(depth + 1));
        }
        else
        {
            var name = Identifier("a type");
            try
            {
                type = AbiType.Parse(name);
            }
            catch (AbiException e)
            {
                throw Error(e.Message);
            }
        }
        var suffixStart = _pos;
        while (!AtEnd && (Peek == '[' || Peek == ']' || char.IsAsciiDigit(Peek))) _pos++;
        if (_pos > suffixStart) type = AbiTypeParser.ApplySuffixes(type, _text[suffixStart.._pos], _text);
        var indexed = false;
        var paramName = "";
        while (true)
        {
            SkipSpace();
            if (AtEnd || !IsIdentifierChar(Peek)) break;
            var word = Identifier("a parameter name");
            if (word == "indexed") indexed = true;
            else if (Locations.Contains(word)) continue;
            else if (paramName.Length == 0) paramName = word;
            else throw Error($"unexpected '{word}' after parameter '{paramName}'");
        }
        return new AbiParameter(paramName, type, indexed);
    }

    private string Identifier(string what)
    {
        SkipSpace();
        var start = _pos;
        while (!AtEnd && IsIdentifierChar(Peek)) _pos++;
        if (_pos == start) throw Error(AtEnd ? $"expected {what} but the text ended" : $"expected {what} but found '{Peek}'");
        return _text[start.._pos];
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (AtEnd || Peek != c) throw Error(AtEnd ? $"expected '{c}' but the text ended" : $"expected '{c}' but found '{Peek}'");
        _pos++;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek)) _pos++;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';

    private AbiException Error(string what) => new($"cannot parse '{AbiType.Truncate(_text)}' at position {_pos}: {what}");
}
