using Mrfi.Core.Data;
using static Mrfi.Core.Tests.Data.NpyBytes;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Data;

[TestClass]
public sealed class NpyArrayTests
{
    [TestMethod]
    public void Float32_c_order_array_comes_back_with_its_shape_and_values()
    {
        using var t = NpyArray.Read(Npy("<f4", [2, 3], Floats(1, 2, 3, 4, 5, -6.5f)), "x");
        CollectionAssert.AreEqual(new long[] { 2, 3 }, t.shape);
        Assert.AreEqual(ScalarType.Float32, t.dtype);
        Assert.AreEqual(-6.5f, t[1, 2].item<float>());
        Assert.AreEqual(2f, t[0, 1].item<float>());
    }

    [TestMethod]
    public void Fortran_order_is_read_column_by_column()
    {
        // The 2×3 matrix [[1, 2, 3], [4, 5, 6]] in Fortran order is stored 1, 4, 2, 5, 3, 6.
        using var t = NpyArray.Read(Npy("<i8", [2, 3], Longs(1, 4, 2, 5, 3, 6), fortran: true), "x");
        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4, 5, 6 }, t.flatten().data<long>().ToArray());
    }

    [TestMethod]
    public void Every_supported_type_and_a_version_2_header_read()
    {
        using var f8 = NpyArray.Read(Npy("<f8", [2], [.. BitConverter.GetBytes(0.25), .. BitConverter.GetBytes(-1e300)]), "x");
        Assert.AreEqual(-1e300, f8[1].item<double>());
        using var i4 = NpyArray.Read(Npy("<i4", [3],
            [.. BitConverter.GetBytes(7), .. BitConverter.GetBytes(-8), .. BitConverter.GetBytes(int.MaxValue)], major: 2), "x");
        CollectionAssert.AreEqual(new[] { 7, -8, int.MaxValue }, i4.data<int>().ToArray());
        using var u1 = NpyArray.Read(Npy("|u1", [4], [0, 1, 128, 255]), "x");
        Assert.AreEqual(ScalarType.Byte, u1.dtype);
        Assert.AreEqual((byte)255, u1[3].item<byte>());
        using var b1 = NpyArray.Read(Npy("|b1", [2], [1, 0]), "x");
        CollectionAssert.AreEqual(new[] { true, false }, b1.data<bool>().ToArray());
        using var empty = NpyArray.Read(Npy("<f4", [0, 3], []), "x");
        CollectionAssert.AreEqual(new long[] { 0, 3 }, empty.shape);
    }

    [TestMethod]
    public void Unsupported_types_a_short_file_and_a_non_npy_file_are_refused_by_name()
    {
        var e = Assert.ThrowsExactly<MrfiException>(() => NpyArray.Read(Npy(">f4", [1], Floats(1)), "a.npz: x.npy"));
        StringAssert.Contains(e.Message, "a.npz: x.npy: element type '>f4' is not supported");
        StringAssert.Contains(e.Message, "<f4, <f8, <i8, <i4, |u1, |b1");
        e = Assert.ThrowsExactly<MrfiException>(() => NpyArray.Read(Npy("<f2", [1], [0, 0]), "x"));
        StringAssert.Contains(e.Message, "'<f2' is not supported");
        e = Assert.ThrowsExactly<MrfiException>(() => NpyArray.Read(Npy("<f4", [2, 2], Floats(1, 2, 3)), "x"));
        StringAssert.Contains(e.Message, "the header promises 4 values of '<f4' ([2, 2], 16 bytes) but 12 bytes follow");
        e = Assert.ThrowsExactly<MrfiException>(() => NpyArray.Read("PK\u0003\u0004 not numpy"u8.ToArray(), "x"));
        StringAssert.Contains(e.Message, "not a NumPy .npy array");
    }
}
