using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mrfi.Core.Kernels;

/// <summary>Histogram counts over float32 memory with the tensor form's double arithmetic: x widened to double, bin =
/// min(floor((x - low)·scale), bins - 1) for low ≤ x ≤ high, and separate counts below, above and NaN.</summary>
/// <remarks>Branch-free: every value gets a cell index (a bin, or one of three extra cells for below, above and NaN) by
/// vector selects, and each of the four vector lanes counts into its own copy of the cells, so that values falling into
/// the same bin do not wait on each other's increments.</remarks>
internal static class SpanHistogram
{
    /// <summary>Adds the values' counts to <paramref name="counts"/> (bins) and to below, above and NaN.</summary>
    public static void Count(ReadOnlySpan<float> x, double low, double high, long[] counts, ref long below, ref long above, ref long nan)
    {
        int bins = counts.Length, cells = bins + 3;
        double scale = bins / (high - low), last = bins - 1;
        // Four copies of the cells while they are few; many bins rarely collide, and share one copy.
        int copies = cells <= 1 << 16 ? 4 : 1, stride = copies == 4 ? cells : 0;
        var lanes = ArrayPool<long>.Shared.Rent(copies * cells);
        Array.Clear(lanes, 0, copies * cells);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float r = ref MemoryMarshal.GetReference(x);
            var lowV = Vector256.Create(low);
            var highV = Vector256.Create(high);
            var scaleV = Vector256.Create(scale);
            var lastV = Vector256.Create(last);
            var belowV = Vector256.Create((double)bins);
            var aboveV = Vector256.Create((double)bins + 1);
            var nanV = Vector256.Create((double)bins + 2);
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)i));
                Add(Cells(lower), lanes, stride);
                Add(Cells(upper), lanes, stride);
            }

            Vector256<double> Cells(Vector256<double> d)
            {
                var bin = Vector256.Floor((d - lowV) * scaleV);
                bin = Vector256.ConditionalSelect(Vector256.GreaterThan(bin, lastV), lastV, bin);
                var inside = Vector256.GreaterThanOrEqual(d, lowV) & Vector256.LessThanOrEqual(d, highV);
                var outside = Vector256.ConditionalSelect(Vector256.LessThan(d, lowV), belowV,
                    Vector256.ConditionalSelect(Vector256.GreaterThan(d, highV), aboveV, nanV));
                return Vector256.ConditionalSelect(inside, bin, outside);
            }
        }
        for (; i < x.Length; i++)
        {
            double v = x[i];
            int cell = v >= low && v <= high ? (int)Math.Min(Math.Floor((v - low) * scale), last) : v < low ? bins : v > high ? bins + 1
                : bins + 2;
            lanes[cell]++;
        }
        for (int lane = 0; lane < copies; lane++)
        {
            for (int b = 0; b < bins; b++) counts[b] += lanes[lane * cells + b];
            below += lanes[lane * cells + bins];
            above += lanes[lane * cells + bins + 1];
            nan += lanes[lane * cells + bins + 2];
        }
        ArrayPool<long>.Shared.Return(lanes);
    }

    private static void Add(Vector256<double> cells, long[] lanes, int stride)
    {
        lanes[(int)cells.GetElement(0)]++;
        lanes[stride + (int)cells.GetElement(1)]++;
        lanes[2 * stride + (int)cells.GetElement(2)]++;
        lanes[3 * stride + (int)cells.GetElement(3)]++;
    }
}
