using System.Numerics;

namespace DePin.Index.Subgraph.Values;

/// <summary>
/// The arithmetic kernel behind <see cref="BigDecimal"/>. It reproduces, step by step, the
/// behaviour graph-node inherits from the pinned Rust crate <c>bigdecimal 0.1.2</c> (values are
/// <c>intVal × 10^(−scale)</c>), because entity values and proofs of indexing depend on the
/// exact digits. Quirks kept on purpose:
/// <list type="bullet">
/// <item>the digit count of a negative number is only the bit-length estimate (it can be one too
/// low), so normalisation may keep 35 digits of a negative number;</item>
/// <item>reducing precision rounds half-up only positive numbers; negative numbers are truncated
/// toward zero;</item>
/// <item>division produces up to 100 significant digits (half-up on the magnitude) before the
/// 34-digit normalisation rounds again.</item>
/// </list>
/// </summary>
internal static class BigDecimalMath
{
    /// <summary>The crate's approximation of log2(10).</summary>
    private const double Log2Of10 = 3.3219280949;

    /// <summary>Digits kept by division before normalisation (the crate's <c>max_precision</c>).</summary>
    internal const int DivisionPrecision = 100;

    internal static BigInteger TenToThe(long n) => BigInteger.Pow(10, checked((int)n));

    /// <summary><c>count_decimal_digits</c>: exact for positive values, an estimate for negatives.</summary>
    internal static long CountDecimalDigits(BigInteger value)
    {
        if (value.IsZero)
        {
            return 1;
        }

        var digits = (long)(BigInteger.Abs(value).GetBitLength() / Log2Of10);
        var num = TenToThe(digits);
        while (value >= num)
        {
            num *= 10;
            digits++;
        }

        return digits;
    }

    /// <summary><c>get_rounding_term</c>: 1 when the most significant digit is ≥ 5, else 0.</summary>
    internal static int RoundingTerm(BigInteger num)
    {
        if (num.IsZero)
        {
            return 0;
        }

        var digits = (long)(BigInteger.Abs(num).GetBitLength() / Log2Of10);
        var n = TenToThe(digits);
        while (true)
        {
            if (num < n)
            {
                return 1;
            }

            n *= 5;
            if (num < n)
            {
                return 0;
            }

            n *= 2;
        }
    }

    /// <summary><c>with_prec</c>: rescale to exactly <paramref name="precision"/> (estimated) digits.</summary>
    internal static (BigInteger IntVal, long Scale) WithPrecision(BigInteger intVal, long scale, long precision)
    {
        var digits = CountDecimalDigits(intVal);
        if (digits > precision)
        {
            var diff = digits - precision;
            var p = TenToThe(diff);
            var q = BigInteger.DivRem(intVal, p, out var r);
            if (p < 10 * r)
            {
                q += RoundingTerm(r);
            }

            return (q, scale - diff);
        }

        if (digits < precision)
        {
            var diff = precision - digits;
            return (intVal * TenToThe(diff), scale + diff);
        }

        return (intVal, scale);
    }

    /// <summary>graph-node's <c>normalized()</c>: 34 significant digits, no trailing zeros.</summary>
    internal static (BigInteger IntVal, long Scale) Normalize(BigInteger intVal, long scale)
    {
        if (intVal.IsZero)
        {
            return (BigInteger.Zero, 0);
        }

        var (q, s) = WithPrecision(intVal, scale, BigDecimal.MaxSignificantDigits);
        if (q.IsZero)
        {
            return (BigInteger.Zero, 0);
        }

        while (true)
        {
            var div = BigInteger.DivRem(q, 10, out var rem);
            if (!rem.IsZero)
            {
                break;
            }

            q = div;
            s--;
        }

        return (q, s);
    }

    /// <summary>Exact sum at the larger scale.</summary>
    internal static (BigInteger IntVal, long Scale) Add(BigInteger a, long aScale, BigInteger b, long bScale)
    {
        if (aScale == bScale)
        {
            return (a + b, aScale);
        }

        return aScale < bScale
            ? ((a * TenToThe(bScale - aScale)) + b, bScale)
            : (a + (b * TenToThe(aScale - bScale)), aScale);
    }

    /// <summary>The crate's <c>Div</c> operator (divisor already checked non-zero).</summary>
    internal static (BigInteger IntVal, long Scale) Divide(BigInteger a, long aScale, BigInteger b, long bScale)
    {
        if (a.IsZero || IsNumericallyOne(b, bScale))
        {
            return (a, aScale);
        }

        var scale = aScale - bScale;
        if (a == b)
        {
            return (BigInteger.One, scale);
        }

        return ImplDivision(a, b, scale, DivisionPrecision);
    }

    private static bool IsNumericallyOne(BigInteger intVal, long scale) =>
        scale >= 0 && intVal.Sign > 0 && CountDecimalDigits(intVal) == scale + 1 && intVal == TenToThe(scale);

    private static (BigInteger IntVal, long Scale) ImplDivision(BigInteger num, BigInteger den, long scale, long maxPrecision)
    {
        if (num.IsZero)
        {
            return (num, 0);
        }

        if (num.Sign < 0 || den.Sign < 0)
        {
            var (q, s) = ImplDivision(BigInteger.Abs(num), BigInteger.Abs(den), scale, maxPrecision);
            return num.Sign < 0 == den.Sign < 0 ? (q, s) : (-q, s);
        }

        while (num < den)
        {
            scale++;
            num *= 10;
        }

        var quotient = BigInteger.DivRem(num, den, out var remainder);
        if (remainder.IsZero)
        {
            return (quotient, scale);
        }

        var precision = CountDecimalDigits(quotient);
        remainder *= 10;
        while (!remainder.IsZero && precision < maxPrecision)
        {
            var q = BigInteger.DivRem(remainder, den, out var r);
            quotient = (quotient * 10) + q;
            remainder = r * 10;
            precision++;
            scale++;
        }

        if (!remainder.IsZero)
        {
            quotient += RoundingTerm(remainder / den);
        }

        return (quotient, scale);
    }
}
