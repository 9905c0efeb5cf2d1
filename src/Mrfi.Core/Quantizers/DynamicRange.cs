using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>A quantizer's range: a fixed number, or "auto" (the tensor's max |x| in each forward, as MRFI's 'auto'/'max').</summary>
public readonly record struct DynamicRange
{
    /// <summary>A fixed range.</summary>
    public DynamicRange(double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "dynamic_range must be a positive number or \"auto\"");
        Value = value;
    }

    /// <summary>Parses "auto" or "max" (the same thing) or a number.</summary>
    public DynamicRange(string text)
    {
        if (text is "auto" or "max") { Value = null; return; }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) { this = new DynamicRange(v); return; }
        throw new ArgumentException($"dynamic_range must be a positive number or \"auto\", not \"{text}\"", nameof(text));
    }

    /// <summary>The fixed range, or null for auto.</summary>
    public double? Value { get; }

    /// <summary>Whether the range is computed from each tensor.</summary>
    public bool IsAuto => Value is null;

    /// <summary>The auto range.</summary>
    public static DynamicRange Auto => new("auto");

    /// <summary>The range for <paramref name="tensor"/> in this forward: 0-dim, on the tensor's device, times
    /// <paramref name="scaleFactor"/>.</summary>
    public Tensor Resolve(Tensor tensor, double scaleFactor)
    {
        if (Value is double fixedRange) return torch.tensor(fixedRange * scaleFactor, dtype: tensor.dtype, device: tensor.device);
        // MRFI's 'auto' gives a zero range (and NaNs) on an all-zero tensor; a range of 1 quantizes zeros to zero.
        var range = tensor.abs().max();
        range.masked_fill_(range.eq(0), 1.0);
        return scaleFactor == 1.0 ? range : range.mul_(scaleFactor);
    }

    /// <summary><see cref="Resolve(Tensor, double)"/> for the float32 values of a CPU tensor, in the same float32 steps.</summary>
    internal float Resolve(ReadOnlySpan<float> values, double scaleFactor)
    {
        if (Value is double fixedRange) return (float)(fixedRange * scaleFactor);
        float range = MathF.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(values));
        // libtorch's vectorised max marks a NaN with all bits set; the payload then travels through every quantized value.
        if (float.IsNaN(range)) range = BitConverter.Int32BitsToSingle(-1);
        if (range == 0) range = 1;
        return scaleFactor == 1.0 ? range : range * (float)scaleFactor;
    }

    /// <inheritdoc />
    public override string ToString() => Value?.ToString("R", CultureInfo.InvariantCulture) ?? "auto";
}
