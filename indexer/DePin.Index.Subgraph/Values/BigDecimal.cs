using System.Globalization;
using System.Numerics;
using System.Text;

namespace DePin.Index.Subgraph.Values;

/// <summary>
/// graph-node's <c>BigDecimal</c>: the value <c>Digits × 10^Exponent</c>, always normalised —
/// at most 34 significant digits (<see cref="MaxSignificantDigits"/>) and no trailing zeros in
/// <see cref="Digits"/> — so two equal numbers have the same representation. Results of
/// <c>+ − × ÷</c> are normalised exactly as graph-node does (see <see cref="BigDecimalMath"/> for
/// the rounding rules, including the truncation of negative results). <see cref="ToString"/>
/// prints plain decimal notation without exponent (<c>"1324000000"</c>, <c>"-0.17"</c>).
/// </summary>
public readonly struct BigDecimal : IEquatable<BigDecimal>, IComparable<BigDecimal>
{
    /// <summary>Significant digits kept after every operation (IEEE-754 decimal128).</summary>
    public const int MaxSignificantDigits = 34;

    /// <summary>Smallest exponent the WASM host accepts from a mapping (decimal128's limit).</summary>
    public const long MinExponent = -6143;

    /// <summary>Largest exponent the WASM host accepts from a mapping (decimal128's limit).</summary>
    public const long MaxExponent = 6144;

    private readonly BigInteger _digits;
    private readonly long _scale;

    private BigDecimal(BigInteger digits, long scale, bool normalize)
    {
        (_digits, _scale) = normalize ? BigDecimalMath.Normalize(digits, scale) : (digits, scale);
    }

    /// <summary>Creates <c>digits × 10^exponent</c>, normalised.</summary>
    public BigDecimal(BigInteger digits, long exponent)
        : this(digits, checked(-exponent), normalize: true)
    {
    }

    /// <summary>Zero.</summary>
    public static BigDecimal Zero => default;

    /// <summary>One.</summary>
    public static BigDecimal One => new(BigInteger.One, 0);

    /// <summary>The significant digits (no trailing zeros unless the value is zero).</summary>
    public BigInteger Digits => _digits;

    /// <summary>The power of ten: value = <see cref="Digits"/> × 10^Exponent.</summary>
    public long Exponent => -_scale;

    /// <summary>−1, 0 or 1.</summary>
    public int Sign => _digits.Sign;

    /// <summary>True when the value has no fractional part.</summary>
    public bool IsInteger => _scale <= 0;

    public static BigDecimal FromBigInteger(BigInteger value) => new(value, 0);

    public static BigDecimal FromInt64(long value) => new(value, 0);

    /// <summary>
    /// Parses like graph-node (<c>[+-]digits[.digits][(e|E)[+-]exponent]</c>, underscores between
    /// digits allowed as the Rust parser allows them); throws <see cref="FormatException"/>.
    /// </summary>
    public static BigDecimal Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"string is not a BigDecimal: '{text}'");

    /// <summary>Parses like <see cref="Parse"/>; false when the text is not a decimal.</summary>
    public static bool TryParse(string? text, out BigDecimal value)
    {
        if (BigDecimalParser.TryParse(text, out var digits, out var scale))
        {
            value = new BigDecimal(digits, scale, normalize: true);
            return true;
        }

        value = default;
        return false;
    }

    public static BigDecimal operator +(BigDecimal left, BigDecimal right) => left.Add(right);

    public static BigDecimal operator -(BigDecimal left, BigDecimal right) => left.Subtract(right);

    public static BigDecimal operator *(BigDecimal left, BigDecimal right) => left.Multiply(right);

    public static BigDecimal operator /(BigDecimal left, BigDecimal right) => left.Divide(right);

    public static BigDecimal operator -(BigDecimal value) => value.Negate();

    public static bool operator ==(BigDecimal left, BigDecimal right) => left.Equals(right);

    public static bool operator !=(BigDecimal left, BigDecimal right) => !left.Equals(right);

    public static bool operator <(BigDecimal left, BigDecimal right) => left.CompareTo(right) < 0;

    public static bool operator >(BigDecimal left, BigDecimal right) => left.CompareTo(right) > 0;

    public static bool operator <=(BigDecimal left, BigDecimal right) => left.CompareTo(right) <= 0;

    public static bool operator >=(BigDecimal left, BigDecimal right) => left.CompareTo(right) >= 0;

    public BigDecimal Add(BigDecimal other)
    {
        var (d, s) = BigDecimalMath.Add(_digits, _scale, other._digits, other._scale);
        return new BigDecimal(d, s, normalize: true);
    }

    public BigDecimal Subtract(BigDecimal other) => Add(other.Negate());

    public BigDecimal Multiply(BigDecimal other) =>
        new(_digits * other._digits, checked(_scale + other._scale), normalize: true);

    /// <summary>Division with graph-node's precision rules; throws <see cref="DivideByZeroException"/>.</summary>
    public BigDecimal Divide(BigDecimal other)
    {
        if (other._digits.IsZero)
        {
            throw new DivideByZeroException($"attempted to divide BigDecimal `{this}` by zero");
        }

        var (d, s) = BigDecimalMath.Divide(_digits, _scale, other._digits, other._scale);
        return new BigDecimal(d, s, normalize: true);
    }

    public BigDecimal Negate() => new(-_digits, _scale, normalize: false);

    /// <summary>The integer part, truncated toward zero.</summary>
    public BigInteger Truncate() =>
        _scale <= 0 ? _digits * BigDecimalMath.TenToThe(-_scale) : _digits / BigDecimalMath.TenToThe(_scale);

    public bool Equals(BigDecimal other) => _digits == other._digits && (_digits.IsZero || _scale == other._scale);

    public override bool Equals(object? obj) => obj is BigDecimal other && Equals(other);

    public override int GetHashCode() => _digits.IsZero ? 0 : HashCode.Combine(_digits, _scale);

    public int CompareTo(BigDecimal other)
    {
        if (Sign != other.Sign)
        {
            return Sign.CompareTo(other.Sign);
        }

        var (d, _) = BigDecimalMath.Add(_digits, _scale, -other._digits, other._scale);
        return d.Sign;
    }

    /// <summary>Plain decimal notation, as graph-node's <c>Display</c> (no exponent, no trailing zeros).</summary>
    public override string ToString()
    {
        var abs = BigInteger.Abs(_digits).ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(abs.Length + 8);
        if (_digits.Sign < 0)
        {
            sb.Append('-');
        }

        if (_scale >= abs.Length)
        {
            sb.Append("0.").Append('0', checked((int)(_scale - abs.Length))).Append(abs);
        }
        else if (_scale <= 0)
        {
            sb.Append(abs).Append('0', checked((int)-_scale));
        }
        else
        {
            var point = abs.Length - (int)_scale;
            sb.Append(abs, 0, point).Append('.').Append(abs, point, abs.Length - point);
        }

        return sb.ToString();
    }
}
