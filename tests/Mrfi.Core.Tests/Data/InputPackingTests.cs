using Mrfi.Core.Configuration;
using Mrfi.Core.Data;
using static Mrfi.Core.Tests.Data.NpyBytes;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Data;

/// <summary>Several model inputs packed into one float64 tensor per batch and split back, exactly.</summary>
[TestClass]
public sealed class InputPackingTests
{
    private static readonly PackedInput[] Model = [new("ids", [2, 3], ScalarType.Int64), new("x", [2], ScalarType.Float32)];

    [TestMethod]
    public void Int64_and_float32_inputs_survive_the_pack_and_unpack_round_trip_bit_for_bit()
    {
        using var scope = NewDisposeScope();
        // Token ids up to 2^53 and float32 values with all their mantissa bits, a subnormal and a NaN.
        long big = 1L << 53;
        var ids = tensor(new long[] { 0, 1, -7, big, -big, 30521, 5, 6, 7, 8, 9, 10 }).reshape(2, 2, 3);
        var x = tensor(new[] { 1.1f, float.Epsilon, -3.4028235e38f, float.NaN }).reshape(2, 2);
        var packed = InputPacking.Pack([ids, x]);
        CollectionAssert.AreEqual(new long[] { 2, 8 }, packed.shape);
        Assert.AreEqual(ScalarType.Float64, packed.dtype);
        Assert.AreEqual((double)big, packed[0, 3].item<double>(), "sample 0, ids element 3");
        var back = InputPacking.Unpack(packed, Model);
        Assert.AreEqual(ScalarType.Int64, back[0].dtype);
        CollectionAssert.AreEqual(ids.data<long>().ToArray(), back[0].data<long>().ToArray());
        CollectionAssert.AreEqual(new long[] { 2, 2, 3 }, back[0].shape);
        Assert.AreEqual(ScalarType.Float32, back[1].dtype);
        CollectionAssert.AreEqual(x.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray(),
            back[1].data<float>().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray());
    }

    [TestMethod]
    public void Values_that_the_input_type_or_float64_cannot_hold_do_not_fit()
    {
        using var scope = NewDisposeScope();
        Assert.IsTrue(InputPacking.Fits(tensor(new long[] { 1L << 53 }), ScalarType.Int64));
        Assert.IsFalse(InputPacking.Fits(tensor(new long[] { (1L << 53) + 1 }), ScalarType.Int64), "beyond 2^53 float64 rounds");
        Assert.IsFalse(InputPacking.Fits(tensor(new[] { 0.5 }), ScalarType.Int64), "a fraction is no token id");
        Assert.IsFalse(InputPacking.Fits(tensor(new[] { 0.1 }), ScalarType.Float32), "0.1 (float64) is not a float32");
        Assert.IsTrue(InputPacking.Fits(tensor(new[] { 0.5, double.NaN }), ScalarType.Float32));
    }

    [TestMethod]
    public void A_tensor_file_is_packed_in_the_models_input_order_and_a_wrong_per_sample_shape_is_one_error()
    {
        string path = Path.Combine(Repo.TempFolder("packed-npz"), "data.npz");
        Npz(path, [("x", Npy("<f4", [1, 2], Floats(0.25f, -1f))), ("ids", Npy("<i8", [1, 2, 3], Longs(1, 2, 3, 4, 5, 6))),
            ("labels", Npy("<i8", [1], Longs(3)))]);
        var where = new SourceLocation("mrfi.toml", 9, 1);
        using (var data = TensorData.Load(new TensorDataSpec(path, [], null, where), "npz", 0, Model))
        {
            CollectionAssert.AreEqual(new[] { 1.0, 2, 3, 4, 5, 6, 0.25, -1 }, data.Images.data<double>().ToArray());
            CollectionAssert.AreEqual(new long[] { 3 }, data.Labels.data<long>().ToArray());
        }
        PackedInput[] wide = [new("ids", [6], ScalarType.Int64), Model[1]];
        var e = Assert.ThrowsExactly<MrfiException>(() => TensorData.Load(new TensorDataSpec(path, [], null, where), "npz", 0, wide));
        Assert.AreEqual("mrfi.toml(9,1): error: [data] file: tensor 'ids' has shape [1, 2, 3], but the model's input 'ids' takes samples " +
            "of shape [6]: it must be [N, 6]", e.Message);
        e = Assert.ThrowsExactly<MrfiException>(() => TensorData.Load(new TensorDataSpec(path, ["ids"], null, where), "npz", 0, Model));
        StringAssert.Contains(e.Message,
            "[data] inputs names 1 tensors but the model takes 2 inputs ('ids' [2, 3] Int64, 'x' [2] Float32)");
    }
}
