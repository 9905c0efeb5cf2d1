using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Data;

/// <summary>Labelled model inputs held in memory: images as float tensors [N, C, H, W] (normalized), or for the tensor
/// file formats any [N, …] tensor (token ids, say), and int64 labels [N].</summary>
public sealed class ImageDataset : IDisposable
{
    /// <summary>Wraps tensors; the dataset owns and disposes them.</summary>
    public ImageDataset(Tensor images, Tensor labels)
    {
        if (images.dim() < 1) throw new ArgumentException("inputs must be [N, …]", nameof(images));
        if (labels.shape[0] != images.shape[0]) throw new ArgumentException("labels and images differ in count", nameof(labels));
        Images = images;
        Labels = labels;
    }

    /// <summary>The model's input: images [N, C, H, W] float32, or from a tensor file any [N, …] tensor.</summary>
    public Tensor Images { get; }

    /// <summary>Labels, [N], int64.</summary>
    public Tensor Labels { get; }

    /// <summary>Whether <see cref="Labels"/> are real labels; false for data files without a labels tensor (then they are all
    /// −1).</summary>
    public bool HasLabels { get; init; } = true;

    /// <summary>Number of samples.</summary>
    public long Count => Labels.shape[0];

    /// <summary>Shape of one sample, [C, H, W] for images.</summary>
    public long[] ImageShape => [.. Images.shape.Skip(1)];

    /// <summary>Builds a dataset from raw bytes: pixels [N, C, H, W] in 0..255, scaled to x/255 (x · scale/255 for another
    /// scale) then (x - mean[c]) / std[c].</summary>
    public static ImageDataset FromBytes(byte[] pixels, long[] shape, byte[] labels, PixelScaling scaling, long limit)
    {
        var (mean, std, scale) = scaling;
        long n = Math.Min(shape[0], limit > 0 ? limit : long.MaxValue);
        long per = shape[1] * shape[2] * shape[3];
        CheckScaling(mean, std, shape[1]);

        using var scope = torch.NewDisposeScope();
        var raw = torch.tensor(pixels.AsSpan(0, (int)(n * per)).ToArray(), dtype: ScalarType.Byte).reshape(n, shape[1], shape[2], shape[3]);
        // scale = 1 divides (bit-identical to the results before scale existed); scale = 255 multiplies by exactly 1.
        var x = raw.to_type(ScalarType.Float32);
        var images = Scale(scale == 1.0 ? x.div_(255.0) : x.mul_(scale / 255.0), mean, std);
        var y = torch.tensor(labels.AsSpan(0, (int)n).ToArray(), dtype: ScalarType.Byte).to_type(ScalarType.Int64);
        return new ImageDataset(images.DetachFromDisposeScope(), y.DetachFromDisposeScope());
    }

    /// <summary>Checks that mean and std have one value or one per channel, and that std is positive.</summary>
    internal static void CheckScaling(IReadOnlyList<double> mean, IReadOnlyList<double> std, long channels)
    {
        if (mean.Count != 1 && mean.Count != channels)
            throw new MrfiException($"[data] mean has {mean.Count} values but the images have {channels} channels");
        if (std.Count != 1 && std.Count != channels)
            throw new MrfiException($"[data] std has {std.Count} values but the images have {channels} channels");
        if (std.Any(s => s <= 0)) throw new MrfiException("[data] std values must be positive");
    }

    /// <summary>(x − mean[c]) / std[c] for images [N, C, H, W] already in [0, 1]; returns a new tensor.</summary>
    internal static Tensor Scale(Tensor x, IReadOnlyList<double> mean, IReadOnlyList<double> std)
    {
        long channels = x.shape[1];
        using var m = torch.tensor(Expand(mean, channels), dtype: ScalarType.Float32).reshape(1, channels, 1, 1);
        using var s = torch.tensor(Expand(std, channels), dtype: ScalarType.Float32).reshape(1, channels, 1, 1);
        return x.sub(m).div_(s);
    }

    /// <summary>Splits into batches of views (no copies) of at most <paramref name="batchSize"/> samples.</summary>
    public IReadOnlyList<(Tensor Images, Tensor Labels)> Batches(int batchSize)
    {
        var result = new List<(Tensor, Tensor)>();
        for (long start = 0; start < Count; start += batchSize)
        {
            long len = Math.Min(batchSize, Count - start);
            result.Add((Images.narrow(0, start, len), Labels.narrow(0, start, len)));
        }
        return result;
    }

    private static float[] Expand(IReadOnlyList<double> v, long channels) =>
        [.. Enumerable.Range(0, (int)channels).Select(c => (float)(v.Count == 1 ? v[0] : v[c]))];

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
