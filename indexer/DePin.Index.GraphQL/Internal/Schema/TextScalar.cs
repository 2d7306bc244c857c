using System.Globalization;
using System.Numerics;
using GraphQL.Types;
using GraphQLParser.AST;

namespace DePin.Index.GraphQL.Internal.Schema;

/// <summary>
/// The Graph's scalars that travel as strings: <c>BigInt</c>, <c>BigDecimal</c>, <c>Bytes</c>, <c>Int8</c>, <c>Timestamp</c>.
/// Input accepts a string (and an integer literal for the integral ones); the value stays a string until the SQL layer
/// checks and converts it. Output values are already in The Graph's text form.
/// </summary>
internal sealed class TextScalar : ScalarGraphType
{
    private readonly bool _acceptsIntegers;

    public TextScalar(string name, string? description, bool acceptsIntegers)
    {
        Name = name;
        Description = description;
        _acceptsIntegers = acceptsIntegers;
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLIntValue i when _acceptsIntegers => i.Value.ToString(),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => s,
        int or long or BigInteger or uint or ulong or short when _acceptsIntegers => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };
}
