namespace Mrfi.Core.ErrorModels;

/// <summary>Conversion between float32 and the narrow float formats (OCP FP8 E4M3/E5M2, MX FP6 E3M2/E2M3, FP4 E2M1):
/// round to nearest, ties to even, from float32; exact decoding back.</summary>
/// <remarks>Overflow follows the format's <see cref="FloatSpecials"/>: IEEE (E5M2) rounds to ±Inf as IEEE-754 does, the
/// others saturate to ±max normal (the OCP conversion with saturation), ±Inf included. NaN becomes the canonical quiet NaN
/// (E5M2: S.11111.10), E4M3's only NaN S.1111.111, or +0 in FP6/FP4, which have no NaN.</remarks>
internal static class MiniFloat
{
    /// <summary>The largest finite value of <paramref name="f"/>.</summary>
    public static double MaxNormal(FloatFormat f)
    {
        int topExponent = (1 << f.ExponentBits) - 1 - f.Bias;
        return f.Specials switch
        {
            FloatSpecials.Ieee => (2 - Math.Pow(2, -f.MantissaBits)) * Math.Pow(2, topExponent - 1),
            FloatSpecials.FiniteNaN => (2 - Math.Pow(2, 1 - f.MantissaBits)) * Math.Pow(2, topExponent),
            _ => (2 - Math.Pow(2, -f.MantissaBits)) * Math.Pow(2, topExponent),
        };
    }

    /// <summary>The value of the pattern <paramref name="code"/> (its low <see cref="FloatFormat.Width"/> bits).</summary>
    public static float Decode(long code, FloatFormat f)
    {
        int m = f.MantissaBits;
        long maxExponent = (1L << f.ExponentBits) - 1, mantissaMask = (1L << m) - 1;
        bool negative = ((code >> (f.ExponentBits + m)) & 1) != 0;
        long exponent = (code >> m) & maxExponent, mantissa = code & mantissaMask;
        bool nan = exponent == maxExponent && mantissa != 0 && f.Specials == FloatSpecials.Ieee
            || exponent == maxExponent && mantissa == mantissaMask && f.Specials == FloatSpecials.FiniteNaN;
        // A NaN keeps its sign: float32's quiet NaN with the pattern's sign bit, spelled out so that MiniFloatSpan can give the
        // same bits (its sign reaches the pattern again when the value is stored and its bits flipped).
        if (nan) return BitConverter.Int32BitsToSingle(negative ? unchecked((int)0xFFC00000) : 0x7FC00000);
        double magnitude;
        if (exponent == maxExponent && f.Specials == FloatSpecials.Ieee) magnitude = double.PositiveInfinity;
        else if (exponent == 0) magnitude = Math.ScaleB(mantissa, 1 - f.Bias - m);
        else magnitude = Math.ScaleB(mantissa + (1L << m), (int)exponent - f.Bias - m);
        return (float)(negative ? -magnitude : magnitude);
    }

    /// <summary>The pattern of <paramref name="x"/> rounded to <paramref name="f"/> (0 ≤ pattern &lt; 2^width).</summary>
    public static long Encode(float x, FloatFormat f)
    {
        int m = f.MantissaBits;
        long sign = BitConverter.SingleToInt32Bits(x) < 0 ? 1L << (f.ExponentBits + m) : 0;
        long maxExponent = (1L << f.ExponentBits) - 1;
        if (float.IsNaN(x))
            return f.Specials switch
            {
                FloatSpecials.Ieee => sign | (maxExponent << m) | (1L << (m - 1)),
                FloatSpecials.FiniteNaN => sign | (maxExponent << m) | ((1L << m) - 1),
                _ => 0,
            };
        double a = Math.Abs((double)x), max = MaxNormal(f);
        int minExponent = 1 - f.Bias;
        // The quantum (unit in the last place) at a's binade, never below the subnormals'; a / quantum is exact in double.
        int e = a == 0 || double.IsInfinity(a) ? minExponent : Math.Max(Math.ILogB(a), minExponent);
        double rounded = double.IsInfinity(a) ? a : Math.ScaleB(Math.Round(Math.ScaleB(a, m - e), MidpointRounding.ToEven), e - m);
        if (rounded > max) return f.Specials == FloatSpecials.Ieee ? sign | (maxExponent << m) : sign | Pattern(max, f);
        return sign | Pattern(rounded, f);
    }

    /// <summary>Rounds <paramref name="x"/> to <paramref name="f"/> and back: the value the format stores.</summary>
    public static float Round(float x, FloatFormat f) => Decode(Encode(x, f), f);

    /// <summary>The pattern of a non-negative value that <paramref name="f"/> represents exactly.</summary>
    private static long Pattern(double value, FloatFormat f)
    {
        int m = f.MantissaBits, minExponent = 1 - f.Bias;
        if (value < Math.ScaleB(1.0, minExponent)) return (long)Math.ScaleB(value, m - minExponent);
        int e = Math.ILogB(value);
        long mantissa = (long)Math.ScaleB(value, m - e) - (1L << m);
        return ((long)(e + f.Bias) << m) | mantissa;
    }
}
