using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Draws random tensors on the CPU generator (so one seed fixes them on any device) and moves them to the values.</summary>
internal static class RandomValues
{
    public static Tensor Uniform(Tensor like, Generator g, double low, double high)
    {
        using var u = torch.rand(like.shape, dtype: ScalarType.Float64, generator: g);
        using var scaled = u.mul(high - low).add_(low);
        return scaled.to(like.dtype, like.device);
    }

    public static Tensor Normal(Tensor like, Generator g, double mean, double std)
    {
        using var n = torch.randn(like.shape, dtype: ScalarType.Float64, generator: g);
        using var scaled = n.mul(std).add_(mean);
        return scaled.to(like.dtype, like.device);
    }

    public static Tensor Integers(Tensor like, Generator g, long low, long high)
    {
        using var r = torch.randint(low, high, like.shape, dtype: ScalarType.Int64, generator: g);
        return r.to(like.dtype, like.device);
    }

    public static void CheckInterval(double low, double high)
    {
        if (!(low < high)) throw new ArgumentException($"low ({low}) must be below high ({high})", nameof(low));
    }
}
