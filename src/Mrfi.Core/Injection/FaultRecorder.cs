using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>Turns the values an entry changed into <see cref="FaultRecord"/>s (only when the session records faults).</summary>
internal static class FaultRecorder
{
    /// <param name="session">Supplies trial, batch and the list.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="layer">The module.</param>
    /// <param name="tensorName">input, output or the parameter.</param>
    /// <param name="shape">The tensor's shape (for coordinates).</param>
    /// <param name="index">Flat indices.</param>
    /// <param name="before">Values before the error model (quantized integers when quantized).</param>
    /// <param name="after">Values after it.</param>
    /// <param name="quantization">The quantization of these values, or null.</param>
    public static void Record(FaultInjectionSession session, FaultEntry entry, string layer, string tensorName, long[] shape,
        Tensor index, Tensor before, Tensor after, IQuantization? quantization)
    {
        using var scope = torch.NewDisposeScope();
        var idx = index.cpu().data<long>().ToArray();
        var b = before.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        var a = after.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        double[] bf = b, af = a;
        if (quantization is Quantizers.FloatQuantizer.Rounding rounding)
        {
            // Values stored in a float format are floats, not integers: the bits are those of the format's patterns.
            AddFloat(session, entry, layer, tensorName, shape, idx, b, a, rounding.Format);
            return;
        }
        if (quantization is not null)
        {
            var beforeFloat = before.clone();
            var afterFloat = after.to_type(before.dtype).clone();
            quantization.Dequantize(beforeFloat);
            quantization.Dequantize(afterFloat);
            bf = beforeFloat.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
            af = afterFloat.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        }
        Add(session, entry, layer, tensorName, shape, idx, b, a, bf, af, quantization is not null, before.dtype != ScalarType.Float64);
    }

    /// <summary>The same records from the fused CPU path: float32 values, the quantization as scalars.</summary>
    public static void Record(FaultInjectionSession session, FaultEntry entry, string layer, string tensorName, long[] shape,
        ReadOnlySpan<long> index, ReadOnlySpan<float> before, ReadOnlySpan<float> after, ScalarQuantization? quantization)
    {
        int n = index.Length;
        var b = new double[n];
        var a = new double[n];
        double[] bf = b, af = a;
        if (quantization is { } q)
        {
            bf = new double[n];
            af = new double[n];
        }
        for (int i = 0; i < n; i++)
        {
            b[i] = before[i];
            a[i] = after[i];
            if (quantization is { } d)
            {
                bf[i] = d.Dequantize(before[i]);
                af[i] = d.Dequantize(after[i]);
            }
        }
        Add(session, entry, layer, tensorName, shape, index.ToArray(), b, a, bf, af, quantization is not null, single: true);
    }

    private static void AddFloat(FaultInjectionSession session, FaultEntry entry, string layer, string tensorName, long[] shape,
        long[] idx, double[] b, double[] a, ErrorModels.FloatFormat format)
    {
        for (int i = 0; i < idx.Length; i++)
        {
            long bits = Pattern(b[i], format) ^ Pattern(a[i], format);
            session.Record(new FaultRecord(session.Trial, session.Batch, layer, tensorName, entry.Name, idx[i], Coordinates(shape, idx[i]),
                bits,
                b[i], a[i], null, null));
        }
    }

    /// <summary>The pattern of a value that <paramref name="f"/> represents exactly (bfloat16 is float32's top half).</summary>
    private static long Pattern(double v, ErrorModels.FloatFormat f) => f.IsMini ? ErrorModels.MiniFloat.Encode((float)v, f) : f.Name switch
    {
        "float64" => BitConverter.DoubleToInt64Bits(v),
        "float16" => (ushort)BitConverter.HalfToInt16Bits((Half)v),
        "bfloat16" => (uint)BitConverter.SingleToInt32Bits((float)v) >> 16,
        _ => (uint)BitConverter.SingleToInt32Bits((float)v),
    };

    private static void Add(FaultInjectionSession session, FaultEntry entry, string layer, string tensorName, long[] shape,
        long[] idx, double[] b, double[] a, double[] bf, double[] af, bool quantized, bool single)
    {
        for (int i = 0; i < idx.Length; i++)
        {
            long bits = quantized
                ? (long)b[i] ^ (long)a[i]
                : single ? (long)(uint)(BitConverter.SingleToInt32Bits((float)b[i]) ^ BitConverter.SingleToInt32Bits((float)a[i]))
                : BitConverter.DoubleToInt64Bits(b[i]) ^ BitConverter.DoubleToInt64Bits(a[i]);
            session.Record(new FaultRecord(session.Trial, session.Batch, layer, tensorName, entry.Name, idx[i], Coordinates(shape, idx[i]),
                bits,
                bf[i], af[i], quantized ? (long)b[i] : null, quantized ? (long)a[i] : null));
        }
    }

    /// <summary>A flat index as comma-separated coordinates.</summary>
    internal static string Coordinates(long[] shape, long flat)
    {
        var c = new long[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            c[d] = flat % shape[d];
            flat /= shape[d];
        }
        return string.Join(",", c);
    }
}
