using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Data;

/// <summary>[data] format = "synthetic": uniform random "pixels" in [0, 1) (times [data] scale) and uniform random labels from a seeded
/// generator.</summary>
internal static class SyntheticData
{
    /// <summary>Draws <c>count</c> images of <c>shape</c> (then scaled as every format: (x − mean[c]) / std[c]) and labels.</summary>
    public static ImageDataset Load(SyntheticDataSpec spec, PixelScaling scaling, long limit, long runSeed)
    {
        var (mean, std, scale) = scaling;
        long n = limit > 0 ? Math.Min(limit, spec.Count) : spec.Count;
        long channels = spec.Shape[0];
        ImageDataset.CheckScaling(mean, std, channels);
        using var scope = NewDisposeScope();
        using var generator = new Generator(unchecked((ulong)(spec.Seed ?? runSeed)));
        // Images first, then labels, from one stream: the first n images are the same whatever the limit.
        var x = rand([spec.Count, .. spec.Shape], generator: generator);
        var y = randint(0, spec.NumClasses, [spec.Count], generator: generator, dtype: ScalarType.Int64);
        var pixels = x.narrow(0, 0, n);
        var images = ImageDataset.Scale(scale == 1.0 ? pixels : pixels.mul(scale), mean, std);
        return new ImageDataset(images.contiguous().DetachFromDisposeScope(), y.narrow(0, 0, n).clone().DetachFromDisposeScope());
    }
}
