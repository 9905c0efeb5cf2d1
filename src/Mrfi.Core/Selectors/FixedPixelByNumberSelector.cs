using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>n positions at a fixed pixel (h, w) of an [N, C, H, W] tensor, with random instance and channel; with
/// <c>per_instance</c>, n in every instance. As in MRFI, only 4-D tensors have pixels: any other rank is refused.</summary>
[MrfiComponent("FixedPixelByNumber",
    Summary = "n positions at a fixed pixel (h, w) with random instance and channel; per_instance: n per instance.")]
public sealed class FixedPixelByNumberSelector : ISelector, IExpectedFaults
{
    private readonly long[] _pixel;

    /// <summary>Creates the selector.</summary>
    /// <param name="n">Positions (per instance with <paramref name="perInstance"/>).</param>
    /// <param name="pixel">[h, w], or a flat pixel index p meaning (p / W, p % W).</param>
    /// <param name="perInstance">n positions inside every instance (dim 0).</param>
    public FixedPixelByNumberSelector(int n, long[] pixel, bool perInstance = false)
    {
        ArgumentNullException.ThrowIfNull(pixel);
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be 0 or more");
        if (pixel.Length is not (1 or 2)) throw new ArgumentException("pixel must be [h, w] or one flat pixel index", nameof(pixel));
        N = n;
        _pixel = pixel;
        PerInstance = perInstance;
    }

    /// <summary>Positions.</summary>
    public int N { get; }

    /// <summary>Whether n positions are drawn in every instance.</summary>
    public bool PerInstance { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator)
    {
        if (shape.Length != 4)
            throw new ArgumentException($"FixedPixelByNumber needs a 4-D [N, C, H, W] tensor (a pixel is (h, w) of H × W), not a " +
                $"{shape.Length}-D one; " +
                "restrict the entry to Conv2d layers (module_type = \"Conv2d\"), or choose positions with " +
                "SelectedDimRandomPositionByNumber (d0 … d4)", nameof(shape));
        long height = shape[^2], width = shape[^1];
        long h = _pixel.Length == 2 ? _pixel[0] : _pixel[0] / width;
        long w = _pixel.Length == 2 ? _pixel[1] : _pixel[0] % width;
        if (h < 0 || h >= height || w < 0 || w >= width)
            throw new ArgumentOutOfRangeException(nameof(shape), $"pixel ({h}, {w}) is outside the {height}×{width} feature map");
        var allowed = new long[]?[shape.Length];
        allowed[^2] = [h];
        allowed[^1] = [w];
        if (!PerInstance) return DimensionSampler.Sample(shape, allowed, N, generator);
        var perInstance = new List<Tensor>();
        for (long i = 0; i < shape[0]; i++)
        {
            allowed[0] = [i];
            perInstance.Add(DimensionSampler.Sample(shape, allowed, N, generator));
        }
        var all = torch.cat(perInstance, 0);
        foreach (var t in perInstance) t.Dispose();
        return all;
    }

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape) => PerInstance ? N * shape[0] : N;
}
