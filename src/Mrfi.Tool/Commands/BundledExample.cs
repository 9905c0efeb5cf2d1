using Mrfi.Core;

namespace Mrfi.Tool.Commands;

/// <summary>The campaigns that ship inside the tool (`run --example NAME`): the starter config on the bundled model and data.</summary>
internal static class BundledExample
{
    /// <summary>The names `--example` accepts.</summary>
    public static readonly string[] Names = ["lenet-fmnist"];

    /// <summary>Writes the example's config with absolute paths into the tool's assets and results under the current folder,
    /// and returns its path; the tool's own folder may be read-only, so the file goes to the temp folder.</summary>
    public static string Write(string name, string? assets = null)
    {
        if (!Names.Contains(name))
            throw new MrfiException($"--example {name}: unknown example; the tool ships {string.Join(", ", Names)}");
        assets ??= StarterConfig.AssetFolder;
        StarterConfig.RequireAssets(assets);
        string Toml(string path) => "'" + path + "'";   // literal strings: no escapes, so any folder name works
        string text = StarterConfig.Text.Replace("output = \"results\"", "output = " + Toml(Path.GetFullPath("results")),
            StringComparison.Ordinal);
        foreach (var file in StarterConfig.Assets)
            text = text.Replace($"\"data/{file}\"", Toml(Path.Combine(assets, file)), StringComparison.Ordinal);
        string folder = Path.Combine(Path.GetTempPath(), $"mrfi-examples-{Environment.UserName}");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"{name}.toml");
        // Written under a temporary name and renamed, so that two runs starting at once never read half a file.
        string partial = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(partial, text);
        File.Move(partial, path, overwrite: true);
        return path;
    }
}
