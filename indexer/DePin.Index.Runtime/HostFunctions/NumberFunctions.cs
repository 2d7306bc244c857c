using System.Numerics;
using DePin.Index.Runtime.Asc;
using DePin.Index.Runtime.Hosting;
using DePin.Index.Subgraph.Values;

namespace DePin.Index.Runtime.HostFunctions;

/// <summary><c>bigInt.*</c> and <c>bigDecimal.*</c> with graph-node's semantics and error messages.</summary>
internal static class NumberFunctions
{
    public static void Register(HostFunctionRegistry r)
    {
        r.Add("bigInt.plus", (ctx, x, y) => BigIntOp(ctx, x, y, (a, b) => a + b));
        r.Add("bigInt.minus", (ctx, x, y) => BigIntOp(ctx, x, y, (a, b) => a - b));
        r.Add("bigInt.times", (ctx, x, y) => BigIntOp(ctx, x, y, (a, b) => a * b));
        r.Add("bigInt.dividedBy", (ctx, x, y) => BigIntOp(ctx, x, y, (a, b) => b.IsZero
            ? throw HostException.Fail($"attempted to divide BigInt `{a}` by zero")
            : BigInteger.Divide(a, b)));
        r.Add("bigInt.mod", (ctx, x, y) => BigIntOp(ctx, x, y, (a, b) => b.IsZero
            ? throw HostException.Fail($"attempted to calculate the remainder of `{a}` with a divisor of zero")
            : BigInteger.Remainder(a, b)));
        r.Add("bigInt.bitOr", (ctx, x, y) => BigIntOp(ctx, x, y, (a, b) => a | b));
        r.Add("bigInt.bitAnd", (ctx, x, y) => BigIntOp(ctx, x, y, (a, b) => a & b));
        r.Add("bigInt.pow", (ctx, x, exp) => ctx.Heap.WriteBigInt(Pow(ctx.Heap.ReadBigInt(x), SmallArgument(exp, "exponent"))));
        r.Add("bigInt.leftShift", (ctx, x, bits) => ctx.Heap.WriteBigInt(ctx.Heap.ReadBigInt(x) << SmallArgument(bits, "shift")));
        r.Add("bigInt.rightShift", (ctx, x, bits) => ctx.Heap.WriteBigInt(ctx.Heap.ReadBigInt(x) >> SmallArgument(bits, "shift")));
        r.Add("bigInt.fromString", (ctx, s) =>
        {
            var text = ctx.Heap.ReadString(s);
            if (!BigIntParser.TryParse(text, out var value))
            {
                throw HostException.Fail($"string is not a BigInt: `{text}`");
            }

            AscPrimitives.CheckBigIntSize(value);
            return ctx.Heap.WriteBigInt(value);
        });
        r.Add("bigInt.dividedByDecimal", (ctx, x, y) =>
            ctx.Heap.WriteBigDecimal(Divide(BigDecimal.FromBigInteger(ctx.Heap.ReadBigInt(x)), ctx.Heap.ReadBigDecimal(y))));

        r.Add("bigDecimal.plus", (ctx, x, y) => ctx.Heap.WriteBigDecimal(ctx.Heap.ReadBigDecimal(x) + ctx.Heap.ReadBigDecimal(y)));
        r.Add("bigDecimal.minus", (ctx, x, y) => ctx.Heap.WriteBigDecimal(ctx.Heap.ReadBigDecimal(x) - ctx.Heap.ReadBigDecimal(y)));
        r.Add("bigDecimal.times", (ctx, x, y) => ctx.Heap.WriteBigDecimal(ctx.Heap.ReadBigDecimal(x) * ctx.Heap.ReadBigDecimal(y)));
        r.Add("bigDecimal.dividedBy", (ctx, x, y) => ctx.Heap.WriteBigDecimal(Divide(ctx.Heap.ReadBigDecimal(x), ctx.Heap.ReadBigDecimal(y))));
        r.Add("bigDecimal.equals", (ctx, x, y) => ctx.Heap.ReadBigDecimal(x) == ctx.Heap.ReadBigDecimal(y) ? 1u : 0u);
        r.Add("bigDecimal.toString", (ctx, x) => ctx.Heap.WriteString(ctx.Heap.ReadBigDecimal(x).ToString()));
        r.Add("bigDecimal.fromString", (ctx, s) =>
        {
            var text = ctx.Heap.ReadString(s);
            return BigDecimal.TryParse(text, out var value)
                ? ctx.Heap.WriteBigDecimal(value)
                : throw HostException.Fail($"string  is not a BigDecimal: '{text}'");
        });
    }

    private static uint BigIntOp(InstanceContext ctx, uint x, uint y, Func<BigInteger, BigInteger, BigInteger> op) =>
        ctx.Heap.WriteBigInt(op(ctx.Heap.ReadBigInt(x), ctx.Heap.ReadBigInt(y)));

    private static BigDecimal Divide(BigDecimal x, BigDecimal y) =>
        y.Sign == 0 ? throw HostException.Fail($"attempted to divide BigDecimal `{x}` by zero") : x / y;

    /// <summary>graph-node converts exponents and shift counts with <c>u8::try_from</c>.</summary>
    private static int SmallArgument(uint value, string what) =>
        value <= byte.MaxValue ? (int)value : throw HostException.Fail($"{what} {value}: out of range integral type conversion attempted");

    /// <summary>x^exp, refusing results beyond graph-node's BigInt size limit before computing them.</summary>
    private static BigInteger Pow(BigInteger x, int exp)
    {
        var bits = (long)BigInteger.Abs(x).GetBitLength();
        if (bits > 1 && ((bits - 1) * exp) + 2 > AscPrimitives.BigIntMaxBits)
        {
            throw HostException.Fail($"BigInt is too big, total bits {((bits - 1) * exp) + 2} or more (max {AscPrimitives.BigIntMaxBits})");
        }

        var result = BigInteger.Pow(x, exp);
        AscPrimitives.CheckBigIntSize(result);
        return result;
    }
}
