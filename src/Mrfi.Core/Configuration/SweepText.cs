
namespace Mrfi.Core.Configuration;

/// <summary>Formats sweep values for logs: " ber=1e-05 format=int8", or "" when nothing is swept.</summary>
public static class SweepText
{
    /// <summary>Space-prefixed name=value pairs, in the variables' order.</summary>
    public static string Format(SweepValues values) => string.Concat(values.Names.Select(n => $" {n}={values.Show(n)}"));
}
