using System.Globalization;

namespace Mrfi.Report;

/// <summary>How numbers appear in the table, the console and tick labels (invariant culture, so reports read the same
/// everywhere).</summary>
internal static class Format
{
    /// <summary>A sweep value: integers plainly, numbers below 0.01 or from a million up as 1e-6, others with four significant
    /// digits.</summary>
    public static string Value(object? value) => value switch
    {
        null => "—",
        string s => s,
        double d => Number(d),
        float f => Number(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Number(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (d == Math.Round(d) && Math.Abs(d) < 1e6) return d.ToString("0", CultureInfo.InvariantCulture);
        double a = Math.Abs(d);
        if (a < 0.01 || a >= 1e6) return Exponent(d);
        return d.ToString("G4", CultureInfo.InvariantCulture);
    }

    /// <summary>1e-06 → "1e-6", 2.5e-05 → "2.5e-5".</summary>
    public static string Exponent(double d)
    {
        int e = (int)Math.Floor(Math.Log10(Math.Abs(d)));
        double m = d / Math.Pow(10, e);
        if (Math.Abs(m - Math.Round(m)) < 1e-9) m = Math.Round(m);
        if (Math.Abs(m) >= 10) { m /= 10; e++; }
        return $"{m.ToString("0.##", CultureInfo.InvariantCulture)}e{e.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>A measured number (seconds, a ratio, an accuracy) to four significant digits, so that binary rounding
    /// never shows (0.8849999999999999 → "0.885"); integers as they are, tiny or huge values as 1.2e-5.</summary>
    public static string Significant(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return d.ToString(CultureInfo.InvariantCulture);
        if (d == Math.Round(d) && Math.Abs(d) < 1e15) return d.ToString("0", CultureInfo.InvariantCulture);
        double a = Math.Abs(d);
        return a < 1e-4 || a >= 1e9 ? Exponent(d) : d.ToString("G4", CultureInfo.InvariantCulture);
    }

    /// <summary>A fraction as a percentage with two decimals: 0.8533 → "85.33".</summary>
    public static string Percent(double fraction) =>
        double.IsNaN(fraction) ? "NaN" : (100 * fraction).ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>A mean with two decimals.</summary>
    public static string Mean(double value) => double.IsNaN(value) ? "NaN" : value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>An exact, culture-free key for grouping.</summary>
    public static string Key(object? value) => value switch
    {
        null => "\u0000",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
