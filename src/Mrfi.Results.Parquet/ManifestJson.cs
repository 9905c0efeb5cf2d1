using System.Text.Json;

namespace Mrfi.Results.Parquet;

/// <summary>JSON options for manifest.json: indented, snake_case keys as written.</summary>
internal static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}
