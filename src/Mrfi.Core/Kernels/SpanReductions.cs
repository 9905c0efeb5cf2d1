using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Mrfi.Core.Kernels;

/// <summary>The observers' reductions over float32 spans of tensor memory, accumulated in double as their tensor forms do
/// (<c>to_type(Float64)</c> then sum): chunks widened to double and reduced by <see cref="TensorPrimitives"/>.</summary>
/// <remarks>Sums agree with libtorch's to the rounding of double summation (the order differs: libtorch sums in cascades,
/// these in vector lanes per chunk), a relative difference of order 1e-15 per element summed; counts agree exactly.</remarks>
internal static class SpanReductions
{
    /// <summary>Values per chunk: two chunks of doubles (16 KB) stay in L1 and on the stack.</summary>
    public const int Chunk = 1024;

    /// <summary>Σx and Σx² in double.</summary>
    public static (double Sum, double Squares) SumAndSquares(ReadOnlySpan<float> x)
    {
        Span<double> buffer = stackalloc double[Chunk];
        double sum = 0, squares = 0;
        for (int i = 0; i < x.Length; i += Chunk)
        {
            var d = Widen(x.Slice(i, Math.Min(Chunk, x.Length - i)), buffer);
            sum += TensorPrimitives.Sum<double>(d);
            squares += TensorPrimitives.SumOfSquares<double>(d);
        }
        return (sum, squares);
    }

    /// <summary>Σ|x| in double.</summary>
    public static double SumOfMagnitudes(ReadOnlySpan<float> x)
    {
        Span<double> buffer = stackalloc double[Chunk];
        double sum = 0;
        for (int i = 0; i < x.Length; i += Chunk) sum += TensorPrimitives.SumOfMagnitudes<double>(Widen(x.Slice(i, Math.Min(Chunk, x.Length - i)), buffer));
        return sum;
    }

    /// <summary>Σ(a - b)² (<paramref name="squared"/>) or Σ|a - b|, the difference taken in double.</summary>
    public static double SumOfDifferences(ReadOnlySpan<float> a, ReadOnlySpan<float> b, bool squared)
    {
        if (a.Length != b.Length) throw new ArgumentException("the spans differ in length", nameof(b));
        Span<double> da = stackalloc double[Chunk];
        Span<double> db = stackalloc double[Chunk];
        double sum = 0;
        for (int i = 0; i < a.Length; i += Chunk)
        {
            int n = Math.Min(Chunk, a.Length - i);
            var x = Widen(a.Slice(i, n), da);
            TensorPrimitives.Subtract<double>(x, Widen(b.Slice(i, n), db), x);
            sum += squared ? TensorPrimitives.SumOfSquares<double>(x) : TensorPrimitives.SumOfMagnitudes<double>(x);
        }
        return sum;
    }

    /// <summary>How many a[i] == b[i] (IEEE: NaN equals nothing, -0 equals 0).</summary>
    public static long CountEqual(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("the spans differ in length", nameof(b));
        long count = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float ra = ref MemoryMarshal.GetReference(a);
            ref float rb = ref MemoryMarshal.GetReference(b);
            for (; i <= a.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                count += BitOperations.PopCount(Vector256.Equals(Vector256.LoadUnsafe(ref ra, (nuint)i), Vector256.LoadUnsafe(ref rb, (nuint)i)).ExtractMostSignificantBits());
        }
        for (; i < a.Length; i++) if (a[i] == b[i]) count++;
        return count;
    }

    /// <summary>How many values are NaN and how many ±infinity.</summary>
    public static (long NaN, long Infinite) CountNaNAndInfinite(ReadOnlySpan<float> x)
    {
        long nan = 0, infinite = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float r = ref MemoryMarshal.GetReference(x);
            var inf = Vector256.Create(float.PositiveInfinity);
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref r, (nuint)i);
                nan += BitOperations.PopCount(~Vector256.Equals(v, v).ExtractMostSignificantBits() & 0xFFu);
                infinite += BitOperations.PopCount(Vector256.Equals(Vector256.Abs(v), inf).ExtractMostSignificantBits());
            }
        }
        for (; i < x.Length; i++)
        {
            if (float.IsNaN(x[i])) nan++;
            else if (float.IsInfinity(x[i])) infinite++;
        }
        return (nan, infinite);
    }

    /// <summary>The values widened to double in <paramref name="buffer"/>.</summary>
    public static Span<double> Widen(ReadOnlySpan<float> values, Span<double> buffer)
    {
        var d = buffer[..values.Length];
        TensorPrimitives.ConvertChecked<float, double>(values, d);
        return d;
    }
}
