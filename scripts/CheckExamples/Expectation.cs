using System.Globalization;
using System.Text.RegularExpressions;

namespace Mrfi.CheckExamples;

/// <summary>A number a README quotes and the SQL (DuckDB, over the run's Parquet files) that computes it. Without an
/// explicit "± tolerance" the run's value must round to the quoted one: half a unit of its last printed digit.</summary>
internal sealed partial record Expectation(string Where, double Value, double Tolerance, string Sql)
{
    [GeneratedRegex(@"^(?<value>[-+]?\d+(\.(?<dec>\d+))?)\s*(±\s*(?<tol>\d+(\.\d+)?([eE][-+]?\d+)?))?\s+(?<sql>(SELECT|WITH)\b.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Line();

    public static Expectation Parse(string line, string where)
    {
        var m = Line().Match(line);
        if (!m.Success)
            throw new FormatException($"{where}: expected '$ command' or 'VALUE [± TOLERANCE] SELECT …', got '{line}'");
        double value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        double tolerance = m.Groups["tol"].Success
            ? double.Parse(m.Groups["tol"].Value, CultureInfo.InvariantCulture)
            : 0.5 * Math.Pow(10, -m.Groups["dec"].Length);
        return new Expectation(where, value, tolerance, m.Groups["sql"].Value);
    }

    /// <summary>Whether <paramref name="actual"/> agrees (a hair of slack for the decimal rounding of the bound itself).</summary>
    public bool Holds(double actual) => Math.Abs(actual - Value) <= Tolerance * (1 + 1e-9);
}
