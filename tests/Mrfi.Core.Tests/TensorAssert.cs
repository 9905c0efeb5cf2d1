using static TorchSharp.torch;

namespace Mrfi.Core.Tests;

internal static class TensorAssert
{
    public static float[] Floats(Tensor t) => t.to_type(ScalarType.Float32).cpu().data<float>().ToArray();

    public static double[] Doubles(Tensor t) => t.to_type(ScalarType.Float64).cpu().data<double>().ToArray();

    public static long[] Longs(Tensor t) => t.to_type(ScalarType.Int64).cpu().data<long>().ToArray();

    public static void AreEqual(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = 0)
    {
        Assert.HasCount(expected.Count, actual);
        for (int i = 0; i < expected.Count; i++)
            Assert.AreEqual(expected[i], actual[i], tolerance, $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
