using Mrfi.Core;

namespace Mrfi.Tool.Commands;

/// <summary>The models <c>dotnet mrfi bench --model</c> knows, as the [model] and [data] sections of a generated config.</summary>
internal static class BenchModels
{
    /// <summary>Names accepted by --model, with the architecture each stands for.</summary>
    public static readonly IReadOnlyDictionary<string, string> Architectures = new Dictionary<string, string>
    {
        ["lenet"] = "LeNet", ["vgg11"] = "VGG11", ["vgg16"] = "VGG16", ["resnet18"] = "ResNet18",
    };

    /// <summary>The architecture for <paramref name="name"/>, or a user error listing the valid names.</summary>
    public static string Architecture(string name) =>
        Architectures.TryGetValue(name.ToLowerInvariant(), out var a) ? a
        : throw new MrfiException($"--model '{name}' is not a bench model. {NameSuggester.Hint(name, [.. Architectures.Keys])}");

    /// <summary>[model] and [data] of the generated config: LeNet with the bundled weights and images, the others with seeded random
    /// weights.</summary>
    public static string Sections(string architecture, int? imageSize)
    {
        string model = architecture == "LeNet"
            ? $"[model]\narchitecture = \"LeNet\"\nin_channels = 1\nimage_size = 28\nweights = \"{Asset("lenet_fmnist.safetensors")}\"\n"
            : $"[model]\narchitecture = \"{architecture}\"\n{(imageSize is { } s ? $"image_size = {s}\n" : "")}";
        return model + DataSection;
    }

    /// <summary>[data]: required by the config reader; only LeNet-shaped timing uses it (others time seeded random input).</summary>
    public static string DataSection =>
        $"\n[data]\nformat = \"idx\"\nimages = \"{Asset("fmnist_test1000-images-idx3-ubyte")}\"\n" +
        $"labels = \"{Asset("fmnist_test1000-labels-idx1-ubyte")}\"\n";

    private static string Asset(string file) => Path.Combine(StarterConfig.AssetFolder, file).Replace("\\", "/", StringComparison.Ordinal);
}
