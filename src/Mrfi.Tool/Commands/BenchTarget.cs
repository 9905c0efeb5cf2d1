using Mrfi.Core;
using Mrfi.Core.Benchmarks;

namespace Mrfi.Tool.Commands;

/// <summary>What <c>bench</c> times: a built-in model (--model) or an ONNX file (--onnx), as the [model] and [data]
/// sections of the generated config.</summary>
/// <param name="Name">Shown and written to JSON: the architecture, or the ONNX file's name.</param>
/// <param name="Sections">[model] and [data].</param>
/// <param name="RealImages">Whether to time the batch from the [data] section (the bundled Fashion-MNIST images for
/// LeNet-shaped inputs, the inputs file of a graph with several inputs) rather than seeded noise.</param>
/// <param name="OnnxPath">The ONNX file, for --onnx.</param>
internal sealed record BenchTarget(string Name, string Sections, bool RealImages, string? OnnxPath)
{
    /// <summary>What the model is fed, for messages; empty for the built-in models.</summary>
    public string Feeds { get; init; } = "";

    /// <summary>The target of the settings; a user error for an unknown model, a missing file, or both options.</summary>
    /// <param name="settings">The command's options.</param>
    /// <param name="scratch">A folder for the inputs file of a graph with several inputs.</param>
    public static BenchTarget Of(BenchSettings settings, string scratch)
    {
        if (settings.Onnx is not { } onnx)
        {
            if (settings.Data is not null)
                throw new MrfiException("--data applies to --onnx (a graph with several inputs); the built-in models are fed their own " +
                    "images");
            string architecture = BenchModels.Architecture(settings.Model ?? "lenet");
            return new BenchTarget(architecture, BenchModels.Sections(architecture, settings.ImageSize), architecture == "LeNet", null);
        }
        if (settings.Model is not null) throw new MrfiException("give --model or --onnx, not both");
        if (settings.ImageSize is not null)
            throw new MrfiException("--image-size does not apply to --onnx (the input size is in the file)");
        string path = Path.GetFullPath(onnx);
        if (!File.Exists(path)) throw new MrfiException($"--onnx '{onnx}' does not exist (looked for {path})");
        string model = $"[model]\nonnx = \"{path.Replace("\\", "/", StringComparison.Ordinal)}\"\n";
        if (OnnxBenchInputs.Several(path, $"--onnx {Path.GetFileName(path)}") is { } several)
        {
            string data = BenchInputs.Section(path, several, settings.Data, scratch, out var feeds);
            return new BenchTarget(Path.GetFileName(path), model + data, true, path) { Feeds = feeds };
        }
        if (settings.Data is not null)
            throw new MrfiException($"--data applies to a graph with several inputs; {Path.GetFileName(path)} takes one, which bench " +
                $"feeds itself (seeded noise of its shape, or the bundled images for a LeNet)");
        return new BenchTarget(Path.GetFileName(path), model + BenchModels.DataSection, false, path)
            { Feeds = "one batch of seeded random float32 images of its input shape" };
    }

    /// <summary>The same target with the built-in model's [model] section instead (for the twin of an ONNX file).</summary>
    public static BenchTarget WithModel(string name, string modelSection, bool realImages) =>
        new(name, modelSection + BenchModels.DataSection, realImages, null);
}
