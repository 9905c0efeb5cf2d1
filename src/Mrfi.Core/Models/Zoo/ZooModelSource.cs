using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Models;

/// <summary><c>[model] architecture = "…"</c>: a model of the catalog — the built-in zoo (LeNet, VGG, ResNet) or an
/// architecture a plugin assembly defines — built from its constructor's keys, with an optional weights file.</summary>
internal sealed class ZooModelSource : IModelSource
{
    private static readonly Lock SeedLock = new();

    /// <inheritdoc />
    public string Key => "architecture";

    /// <inheritdoc />
    public string Route => "architecture = \"LeNet\" (a built-in model, or one a plugin defines: see `dotnet mrfi list models`)";

    /// <inheritdoc />
    public LoadedModel Load(ModelRequest request)
    {
        var (config, activator) = request;
        var section = config.Model;
        var table = section.Table;
        string name = table.RequiredString("architecture");
        if (activator.Catalog.Find(ComponentKind.Model, name, out _) == "unknown")
            throw MrfiException.At(table.LocationOf("architecture"),
                $"[model] architecture: unknown model architecture '{name}'. " +
                $"{NameSuggester.Hint(name, activator.Catalog.Names(ComponentKind.Model))} "
                + $"Any other model comes in as an ONNX file ([model] onnx = \"model.onnx\"; export from PyTorch, Keras, …) or as a "
                + $"plugin defining it in C#: see docs/models.md");
        nn.Module<Tensor, Tensor> model;
        // Modules draw their initial weights from torch's global generator: seeding it right before construction makes
        // untrained models (no weights key) the same for the same seed. The lock keeps two builds from interleaving draws.
        lock (SeedLock)
        {
            random.manual_seed(section.Seed ?? config.Run.Seed);
            model = activator.Create<nn.Module<Tensor, Tensor>>(ComponentKind.Model, table, SweepValues.Empty, "architecture",
                ["weights", "seed", .. ModelOutputReader.Keys]);
        }
        try
        {
            if (section.Weights is { } weights) WeightLoader.Load(model, weights, section.WeightsLocation);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        model.eval();
        return new LoadedModel(model, name, ((IImageClassifier)model).InputShape, ScalarType.Float32, ModelOutputKind.Classes);
    }
}
