using System.Text.Json;

namespace Mrfi.Results.Parquet;

/// <summary>JSON options for manifest.json: indented, snake_case keys as written.</summary>
internal static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>A number as JSON can hold it: NaN (an accuracy of a model without class scores) becomes null.</summary>
    public static double? Number(double value) => double.IsFinite(value) ? value : null;
}
