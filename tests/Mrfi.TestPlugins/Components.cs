using Mrfi;
using TorchSharp;
using static TorchSharp.torch;

[assembly: MrfiPlugin("fake")]

namespace Mrfi.TestPlugins;

// TorchSharp names a module's parameters after its fields: these are the state-dict keys (PyTorch's), not C# style.
#pragma warning disable IDE1006

/// <summary>Negates the selected values.</summary>
[MrfiComponent("Negate", Summary = "Negates the values.")]
public sealed class NegateErrorModel : IErrorModel
{
    public Tensor Apply(Tensor values, Generator generator) => values.neg();
}

/// <summary>Same name as a built-in: configs must say which one they mean.</summary>
public sealed class SetZeroErrorModel : IErrorModel
{
    public Tensor Apply(Tensor values, Generator generator) => torch.full_like(values, 42);
}

/// <summary>A constructor that fails.</summary>
public sealed class ExplodingErrorModel : IErrorModel
{
    public ExplodingErrorModel() => throw new InvalidOperationException("boom from the plugin");

    public Tensor Apply(Tensor values, Generator generator) => values;
}

/// <summary>The first n flat positions.</summary>
public sealed class FirstNSelector(int n = 1) : ISelector
{
    public Tensor Select(long[] shape, Generator generator) =>
        torch.arange(Math.Min(n, shape.Aggregate(1L, (a, b) => a * b)), dtype: ScalarType.Int64);
}

/// <summary>A one-layer classifier for 1×28×28 images, to test models from plugins.</summary>
public sealed class TinyNet : nn.Module<Tensor, Tensor>, IImageClassifier
{
    private readonly TorchSharp.Modules.Linear fc;

    public TinyNet(int classes = 10) : base(nameof(TinyNet))
    {
        fc = nn.Linear(784, classes);
        RegisterComponents();
    }

    public long[] InputShape => [1, 28, 28];

    public override Tensor forward(Tensor input) => fc.call(input.flatten(1));
}

/// <summary>Synthetic images (pixel value = label / 10) to test datasets from plugins.</summary>
public sealed class StripesDataset(int count, ConfigFolder folder) : IDataset
{
    public string Folder { get; } = folder.Path;

    public (Tensor Images, Tensor Labels) Load()
    {
        var labels = torch.arange(count, dtype: ScalarType.Int64).remainder(10);
        var images = labels.to_type(ScalarType.Float32).div(10).reshape(count, 1, 1, 1).expand(count, 1, 28, 28).contiguous();
        return (images, labels);
    }
}
