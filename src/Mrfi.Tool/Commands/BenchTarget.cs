using Mrfi.Core;

namespace Mrfi.Tool.Commands;

/// <summary>What <c>bench</c> times: a built-in model (--model) or an ONNX file (--onnx), as the [model] and [data]
/// sections of the generated config.</summary>
/// <param name="Name">Shown and written to JSON: the architecture, or the ONNX file's name.</param>
/// <param name="Sections">[model] and [data].</param>
/// <param name="RealImages">Whether to time the bundled Fashion-MNIST images (LeNet-shaped inputs) rather than seeded noise.</param>
/// <param name="OnnxPath">The ONNX file, for --onnx.</param>
internal sealed record BenchTarget(string Name, string Sections, bool RealImages, string? OnnxPath)
{
    /// <summary>The target of the settings; a user error for an unknown model, a missing file, or both options.</summary>
    public static BenchTarget Of(BenchSettings settings)
    {
        if (settings.Onnx is not { } onnx)
        {
            string architecture = BenchModels.Architecture(settings.Model ?? "lenet");
            return new BenchTarget(architecture, BenchModels.Sections(architecture, settings.ImageSize), architecture == "LeNet", null);
        }
        if (settings.Model is not null) throw new MrfiException("give --model or --onnx, not both");
        if (settings.ImageSize is not null) throw new MrfiException("--image-size does not apply to --onnx (the input size is in the file)");
        string path = Path.GetFullPath(onnx);
        if (!File.Exists(path)) throw new MrfiException($"--onnx '{onnx}' does not exist (looked for {path})");
        string model = $"[model]\nonnx = \"{path.Replace("\\", "/", StringComparison.Ordinal)}\"\n";
        return new BenchTarget(Path.GetFileName(path), model + BenchModels.DataSection, false, path);
    }

    /// <summary>The same target with the built-in model's [model] section instead (for the twin of an ONNX file).</summary>
    public static BenchTarget WithModel(string name, string modelSection, bool realImages) =>
        new(name, modelSection + BenchModels.DataSection, realImages, null);
}
