using Mrfi.Core.ErrorModels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.ErrorModels;

[TestClass]
public sealed class ValueErrorModelTests
{
    private static double[] Run(IErrorModel model, int n = 20000, float fill = 3)
    {
        using var g = new Generator(9);
        using var x = torch.full(n, fill);
        using var y = model.Apply(x, g);
        Assert.AreEqual(ScalarType.Float32, y.dtype);
        return TensorAssert.Doubles(y);
    }

    [TestMethod]
    public void Set_value_sets_a_scalar_or_one_value_per_position()
    {
        TensorAssert.AreEqual([7, 7], Run(new SetValueErrorModel([7]), 2));
        TensorAssert.AreEqual([1, 2, 3], Run(new SetValueErrorModel([1, 2, 3]), 3));
        Assert.ThrowsExactly<ArgumentException>(() => Run(new SetValueErrorModel([1, 2]), 3));
    }

    [TestMethod]
    public void Int_random_draws_every_integer_of_the_interval()
    {
        var v = Run(new IntRandomErrorModel(-2, 3));
        CollectionAssert.AreEquivalent(new double[] { -2, -1, 0, 1, 2 }, v.Distinct().ToArray());
    }

    [TestMethod]
    public void Int_random_bit_covers_the_signed_and_unsigned_ranges()
    {
        var unsigned = Run(new IntRandomBitErrorModel(4));
        Assert.AreEqual(0, unsigned.Min());
        Assert.AreEqual(15, unsigned.Max());
        var signed = Run(new IntRandomBitErrorModel(4, signed: true));
        Assert.AreEqual(-8, signed.Min());
        Assert.AreEqual(7, signed.Max());
    }

    [TestMethod]
    public void Uniform_random_and_disturb_have_the_right_range_and_mean()
    {
        var u = Run(new UniformRandomErrorModel(2, 4));
        Assert.IsTrue(u.All(v => v is >= 2 and < 4));
        Assert.AreEqual(3.0, u.Average(), 0.02);
        var d = Run(new UniformDisturbErrorModel(-1, 1));
        Assert.IsTrue(d.All(v => v is >= 2 and < 4), "3 + U[-1, 1)");
        Assert.AreEqual(3.0, d.Average(), 0.02);
    }

    [TestMethod]
    public void Normal_random_and_disturb_have_the_right_moments()
    {
        var n = Run(new NormalRandomErrorModel(mean: 5, std: 2));
        double mean = n.Average();
        double sd = Math.Sqrt(n.Sum(v => (v - mean) * (v - mean)) / (n.Length - 1));
        Assert.AreEqual(5, mean, 0.05);
        Assert.AreEqual(2, sd, 0.05);
        var d = Run(new NormalDisturbErrorModel(std: 0.5, bias: 1));
        Assert.AreEqual(4, d.Average(), 0.02, "3 + N(1, 0.5²)");
    }
}
