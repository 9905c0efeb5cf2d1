using Mrfi.Core.Configuration;
using Mrfi.Core.Data;
using static Mrfi.Core.Tests.Data.NpyBytes;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Data;

[TestClass]
public sealed class TensorDataTests
{
    private static readonly SourceLocation Where = new("mrfi.toml", 12, 1);

    private static string NpzFile(params (string Name, byte[] Npy)[] arrays)
    {
        string path = Path.Combine(Repo.TempFolder("npz"), "data.npz");
        Npz(path, arrays);
        return path;
    }

    private static TensorDataSpec Spec(string file, string[]? inputs = null, string? labels = null) =>
        new(file, inputs ?? [], labels, Where);

    [TestMethod]
    public void Int64_token_ids_and_their_labels_come_back_as_stored_batched_along_dimension_0()
    {
        string file = NpzFile(("input_ids", Npy("<i8", [3, 2], Longs(101, 7, 102, 8, 103, 9))), ("labels", Npy("|u1", [3], [2, 0, 1])));
        using var data = TensorData.Load(Spec(file), "npz", 0);
        Assert.AreEqual(ScalarType.Int64, data.Images.dtype);
        CollectionAssert.AreEqual(new long[] { 101, 7, 102, 8, 103, 9 }, data.Images.flatten().data<long>().ToArray());
        CollectionAssert.AreEqual(new long[] { 2, 0, 1 }, data.Labels.data<long>().ToArray());
        Assert.IsTrue(data.HasLabels);
        CollectionAssert.AreEqual(new long[] { 2 }, data.ImageShape);
        using var two = TensorData.Load(Spec(file), "npz", 2);
        Assert.AreEqual(2L, two.Count);
    }

    [TestMethod]
    public void Without_labels_every_label_is_minus_one_and_float64_becomes_float32()
    {
        string file = NpzFile(("x", Npy("<f8", [2], [.. BitConverter.GetBytes(0.5), .. BitConverter.GetBytes(-2.0)])));
        using var data = TensorData.Load(Spec(file), "npz", 0);
        Assert.IsFalse(data.HasLabels);
        Assert.AreEqual(ScalarType.Float32, data.Images.dtype);
        CollectionAssert.AreEqual(new[] { 0.5f, -2f }, data.Images.data<float>().ToArray());
        CollectionAssert.AreEqual(new long[] { -1, -1 }, data.Labels.data<long>().ToArray());
    }

    [TestMethod]
    public void Several_inputs_for_a_model_of_one_input_are_refused_and_inputs_picks_one()
    {
        string file = NpzFile(("input_ids", Npy("<i8", [1, 2], Longs(1, 2))), ("attention_mask", Npy("<i8", [1, 2], Longs(1, 1))),
            ("y", Npy("<i8", [1], Longs(0))));
        var e = Assert.ThrowsExactly<MrfiException>(() => TensorData.Load(Spec(file, labels: "y"), "npz", 0));
        StringAssert.StartsWith(e.Message, "mrfi.toml(12,1): error: [data] file: ");
        StringAssert.Contains(e.Message, "holds 2 input tensors ('attention_mask', 'input_ids')");
        StringAssert.Contains(e.Message, "but the model takes one input");
        e = Assert.ThrowsExactly<MrfiException>(() =>
            TensorData.Load(Spec(file, inputs: ["input_ids", "attention_mask"], labels: "y"), "npz", 0));
        StringAssert.Contains(e.Message, "but the model takes one input");
        using var data = TensorData.Load(Spec(file, inputs: ["input_ids"], labels: "y"), "npz", 0);
        CollectionAssert.AreEqual(new long[] { 1, 2 }, data.Images.flatten().data<long>().ToArray());
        e = Assert.ThrowsExactly<MrfiException>(() => TensorData.Load(Spec(file, inputs: ["input_id"], labels: "y"), "npz", 0));
        StringAssert.Contains(e.Message,
            "has no tensor 'input_id' for [data] inputs; it holds 'attention_mask' [1, 2] Int64, 'input_ids' [1, 2] Int64, 'y' [1] Int64");
    }

    [TestMethod]
    public void Labels_that_do_not_fit_and_a_damaged_file_are_errors_at_the_file_key()
    {
        string file = NpzFile(("x", Npy("<f4", [2, 1], Floats(1, 2))), ("labels", Npy("<f4", [2], Floats(0, 1))));
        var e = Assert.ThrowsExactly<MrfiException>(() => TensorData.Load(Spec(file), "npz", 0));
        StringAssert.Contains(e.Message, "labels 'labels' are Float32; labels must be integer class indices");
        file = NpzFile(("x", Npy("<f4", [2, 1], Floats(1, 2))), ("labels", Npy("<i8", [3], Longs(0, 1, 2))));
        e = Assert.ThrowsExactly<MrfiException>(() => TensorData.Load(Spec(file), "npz", 0));
        StringAssert.Contains(e.Message, "labels 'labels' have shape [3] but the input 'x' holds 2 samples");
        File.WriteAllBytes(file, [.. File.ReadAllBytes(file).Take(40)]);
        e = Assert.ThrowsExactly<MrfiException>(() => TensorData.Load(Spec(file), "npz", 0));
        StringAssert.StartsWith(e.Message, "mrfi.toml(12,1): error: [data] file: ");
        StringAssert.Contains(e.Message, "cannot read it as a NumPy .npz file");
    }

    [TestMethod]
    public void A_safetensors_file_maps_its_tensor_names_as_an_npz_does()
    {
        string file = Path.Combine(Repo.TempFolder("safetensors"), "data.safetensors");
        Safetensors(file, [("pixels", "F32", [2, 1, 2], Floats(0.5f, 1, -1, 2)), ("labels", "I64", [2], Longs(4, 5))]);
        using var data = TensorData.Load(Spec(file), "safetensors", 0);
        CollectionAssert.AreEqual(new long[] { 2, 1, 2 }, data.Images.shape);
        CollectionAssert.AreEqual(new[] { 0.5f, 1, -1, 2 }, data.Images.flatten().data<float>().ToArray());
        CollectionAssert.AreEqual(new long[] { 4, 5 }, data.Labels.data<long>().ToArray());
        File.WriteAllText(file, "not safetensors");
        var e = Assert.ThrowsExactly<MrfiException>(() => TensorData.Load(Spec(file), "safetensors", 0));
        StringAssert.Contains(e.Message, "cannot read it as a .safetensors file");
    }
}
