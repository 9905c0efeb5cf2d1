using System.Globalization;

namespace Mrfi.Core.Campaigns;

/// <summary>Formats sweep values for logs: " ber=1e-05 bits=8", or "" when nothing is swept.</summary>
public static class SweepText
{
    /// <summary>Space-prefixed name=value pairs.</summary>
    public static string Format(IReadOnlyDictionary<string, double> values) =>
        string.Concat(values.Select(kv => $" {kv.Key}={kv.Value.ToString("G4", CultureInfo.InvariantCulture)}"));
}
