using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary>Arguments of <c>dotnet mrfi bench</c>.</summary>
internal sealed class BenchSettings : ConfigSettings
{
    [CommandOption("-m|--model <NAME>")]
    [Description("lenet (bundled weights and Fashion-MNIST images; the default), vgg11, vgg16 or resnet18 (seeded random weights and " +
        "input).")]
    public string? Model { get; init; }

    [CommandOption("--onnx <FILE>")]
    [Description("Time an ONNX model instead (seeded random input of the file's shape; see --data for several inputs), every row paired " +
        "with the graph's own golden forward in the same rounds. When the file holds the weights of the built-in LeNet or ResNet18 (a " +
        "PyTorch export, BatchNorm not folded), that model is timed too, in the same rounds, and shown side by side.")]
    public string? Onnx { get; init; }

    [CommandOption("--data <FILE>")]
    [Description("For --onnx on a graph with several inputs (token ids, masks): an .npz or .safetensors file with one tensor per graph " +
        "input, named as the inputs. Default: zeros for integer inputs, seeded uniform noise between 0 and 1 for float ones.")]
    public string? Data { get; init; }

    [CommandOption("-b|--batch <N>")]
    [Description("Images per forward. Default: 256 for lenet, 16 otherwise.")]
    public int? Batch { get; init; }

    [CommandOption("--image-size <N>")]
    [Description("Input height and width for vgg/resnet (224 = ImageNet shape; 32 or 28 = the CIFAR-sized variant).")]
    public int? ImageSize { get; init; }

    [CommandOption("-t|--threads <N>")]
    [Description("Intra-op threads. Default: the number of cores.")]
    public int? Threads { get; init; }

    [CommandOption("-n|--iterations <N>")]
    [Description("Timed rounds (each runs every row once; with --onnx, rounds per row, each pairing the row with its golden forward). " +
        "Default: 30 for lenet, 5 otherwise.")]
    public int? Iterations { get; init; }

    [CommandOption("--warmup <N>")]
    [Description("Untimed rounds first.")]
    [DefaultValue(2)]
    public int Warmup { get; init; } = 2;

    [CommandOption("--json <FILE>")]
    [Description("Also write the results as JSON to FILE.")]
    public string? Json { get; init; }

    [CommandOption("--no-campaign")]
    [Description("Skip the campaign throughput measurement (it runs CONFIG, default mrfi.toml, when that file exists).")]
    public bool NoCampaign { get; init; }

    [CommandOption("--no-memory")]
    [Description("Skip the peak-memory measurement.")]
    public bool NoMemory { get; init; }

    public override ValidationResult Validate()
    {
        if (Batch is < 1 or > 100_000) return ValidationResult.Error("--batch must be between 1 and 100000");
        if (Threads is < 1 or > 1024) return ValidationResult.Error("--threads must be between 1 and 1024");
        if (Iterations is < 1 or > 100_000) return ValidationResult.Error("--iterations must be between 1 and 100000");
        if (Warmup is < 0 or > 1000) return ValidationResult.Error("--warmup must be between 0 and 1000");
        if (ImageSize is < 8 or > 1024) return ValidationResult.Error("--image-size must be between 8 and 1024");
        return ValidationResult.Success();
    }
}
