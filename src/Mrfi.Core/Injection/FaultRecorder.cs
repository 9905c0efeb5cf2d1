using Mrfi.Core.Campaigns;
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
        if (quantization is not null)
        {
            var beforeFloat = before.clone();
            var afterFloat = after.to_type(before.dtype).clone();
            quantization.Dequantize(beforeFloat);
            quantization.Dequantize(afterFloat);
            bf = beforeFloat.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
            af = afterFloat.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        }
        bool single = before.dtype != ScalarType.Float64;
        for (int i = 0; i < idx.Length; i++)
        {
            long bits = quantization is not null
                ? (long)b[i] ^ (long)a[i]
                : single ? (long)(uint)(BitConverter.SingleToInt32Bits((float)b[i]) ^ BitConverter.SingleToInt32Bits((float)a[i]))
                : BitConverter.DoubleToInt64Bits(b[i]) ^ BitConverter.DoubleToInt64Bits(a[i]);
            session.Faults.Add(new FaultRecord(session.Trial, session.Batch, layer, tensorName, entry.Name, idx[i], Coordinates(shape, idx[i]), bits,
                bf[i], af[i], quantization is null ? null : (long)b[i], quantization is null ? null : (long)a[i]));
        }
    }

    private static string Coordinates(long[] shape, long flat)
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
