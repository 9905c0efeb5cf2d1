using Mrfi.Core.Models.Onnx;
using static TorchSharp.torch;

namespace Mrfi.Core.Benchmarks;

/// <summary>The built-in model whose weights an ONNX file holds: the file's initializers carry the built-in model's
/// state_dict names and shapes (a PyTorch export of the bundled LeNet, or of a torchvision ResNet-18 with its
/// BatchNorm kept), so <c>bench --onnx</c> can time the imported graph against the built-in model with the same weights.</summary>
public sealed class BenchTwin : IDisposable
{
    private readonly Dictionary<string, Tensor> _weights;

    private BenchTwin(string architecture, string model, Dictionary<string, Tensor> weights)
    {
        Architecture = architecture;
        ModelSection = model;
        _weights = weights;
    }

    /// <summary>LeNet or ResNet18.</summary>
    public string Architecture { get; }

    /// <summary>The [model] section that builds the built-in model with the file's shapes (its weights come from
    /// <see cref="CopyInto"/>).</summary>
    public string ModelSection { get; }

    /// <summary>The twin of <paramref name="path"/>'s graph (an ONNX file that loads), or null with <paramref name="why"/>
    /// saying why there is none.</summary>
    public static BenchTwin? Find(string path, out string why)
    {
        var model = OnnxTensors.TryParse(File.ReadAllBytes(path));
        var weights = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var init in model?.Graph?.Initializer ?? [])
            weights[init.Name] = OnnxTensors.ToTensor(init, Path.GetDirectoryName(Path.GetFullPath(path)));
        var input = model?.Graph?.Input.FirstOrDefault(i => !weights.ContainsKey(i.Name));
        long[] sampleShape = input?.Type?.TensorType?.Shape is { } shape ? [.. shape.Dim.Skip(1).Select(d => d.DimValue)] : [];
        string? section = sampleShape.Length == 3 && sampleShape[1] == sampleShape[2] ? Section(weights, sampleShape) : null;
        why = section is null
            ? "its initializers are not named as the built-in LeNet's or ResNet18's state_dict (a PyTorch export of those, BatchNorm not " +
                "folded, would be)"
            : "";
        if (section is not null) return new BenchTwin(section.Split('"')[1], section, weights);
        foreach (var w in weights.Values) w.Dispose();
        return null;
    }

    private static string? Section(Dictionary<string, Tensor> w, long[] sample)
    {
        long channels = sample[0], size = sample[1];
        if (w.TryGetValue("conv1.weight", out var c1) && w.TryGetValue("fc3.weight", out var fc3) && !w.ContainsKey("bn1.weight"))
            return $"[model]\narchitecture = \"LeNet\"\nin_channels = {channels}\nimage_size = {size}\nnum_classes = {fc3.shape[0]}\n";
        if (w.TryGetValue("conv1.weight", out c1) && w.TryGetValue("fc.weight", out var fc) && w.ContainsKey("layer4.1.bn2.running_var"))
            return $"[model]\narchitecture = \"ResNet18\"\nin_channels = {channels}\nimage_size = {size}\nnum_classes = " +
                $"{fc.shape[0]}\nwidth = {c1.shape[0]}\n";
        return null;
    }

    /// <summary>Copies the file's weights into the built-in <paramref name="model"/>; false (and nothing copied) when a
    /// name or shape of its state_dict has no counterpart in the file.</summary>
    public bool CopyInto(nn.Module model, out string mismatch)
    {
        // BatchNorm's step counter is training state; ONNX keeps none.
        var state = model.state_dict().Where(p => !p.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal)).ToList();
        foreach (var (name, tensor) in state)
        {
            if (!_weights.TryGetValue(name, out var source) || !source.shape.SequenceEqual(tensor.shape))
            {
                mismatch = $"the built-in {Architecture}'s '{name}' [{string.Join(",", tensor.shape)}] is not in the file";
                return false;
            }
        }
        using (no_grad())
            foreach (var (name, tensor) in state) tensor.copy_(_weights[name]);
        mismatch = "";
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var w in _weights.Values) w.Dispose();
    }
}
