using Mrfi.Core;
using Mrfi.Core.Benchmarks;

namespace Mrfi.Tool.Commands;

/// <summary>The [data] section that feeds <c>bench --onnx</c> a graph with several inputs: the user's --data file, or
/// one bench writes (<see cref="OnnxBenchInputs.WriteDefaults"/>).</summary>
internal static class BenchInputs
{
    /// <summary>Samples in the written file; the bench tiles them to fill its batch.</summary>
    private const int Samples = 8;

    /// <summary>The [data] section for the graph at <paramref name="path"/> with <paramref name="inputs"/>: the user's
    /// <paramref name="data"/> file, or one written into <paramref name="scratch"/>; <paramref name="feeds"/> says which.</summary>
    public static string Section(string path, IReadOnlyList<string> inputs, string? data, string scratch, out string feeds)
    {
        string file;
        if (data is not null)
        {
            file = Path.GetFullPath(data);
            if (!File.Exists(file)) throw new MrfiException($"--data '{data}' does not exist (looked for {file})");
            feeds = $"its {inputs.Count} inputs from {Path.GetFileName(file)}";
        }
        else
        {
            file = Path.Combine(scratch, "bench-inputs.safetensors");
            OnnxBenchInputs.WriteDefaults(path, file, Samples);
            feeds = $"its {inputs.Count} inputs ({string.Join(", ", inputs)}): seeded noise in [0, 1) for float inputs, zeros for " +
                $"integer ones (give --data FILE for real ones)";
        }
        string format = file.EndsWith(".npz", StringComparison.OrdinalIgnoreCase) ? "npz"
            : file.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) ? "safetensors"
            : throw new MrfiException($"--data '{data}': bench reads a graph's several inputs from an .npz or .safetensors file (one " +
                $"tensor per graph input, named as the inputs)");
        return $"\n[data]\nformat = \"{format}\"\nfile = \"{file.Replace("\\", "/", StringComparison.Ordinal)}\"\n";
    }
}
