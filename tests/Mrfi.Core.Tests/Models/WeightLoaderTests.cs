using System.Text;
using System.Text.Json;
using Mrfi.Core.Models;

namespace Mrfi.Core.Tests.Models;

[TestClass]
public sealed class WeightLoaderTests
{
    /// <summary>Writes a safetensors file by hand (8-byte header length, JSON header, raw little-endian data).</summary>
    private static string SafeTensors(Dictionary<string, long[]> tensors)
    {
        var header = new Dictionary<string, object>();
        long offset = 0;
        foreach (var (name, shape) in tensors)
        {
            long bytes = shape.Aggregate(1L, (a, b) => a * b) * 4;
            header[name] = new { dtype = "F32", shape, data_offsets = new[] { offset, offset + bytes } };
            offset += bytes;
        }
        byte[] json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        string path = Path.Combine(Repo.TempFolder("st"), "w.safetensors");
        using var f = File.Create(path);
        f.Write(BitConverter.GetBytes((ulong)json.Length));
        f.Write(json);
        f.Write(new byte[offset]);
        return path;
    }

    private static Dictionary<string, long[]> LeNetShapes() => new()
    {
        ["conv1.weight"] = [6, 1, 5, 5], ["conv1.bias"] = [6], ["conv2.weight"] = [16, 6, 5, 5], ["conv2.bias"] = [16],
        ["fc1.weight"] = [120, 400], ["fc1.bias"] = [120], ["fc2.weight"] = [84, 120], ["fc2.bias"] = [84],
        ["fc3.weight"] = [10, 84], ["fc3.bias"] = [10],
    };

    [TestMethod]
    public void Hand_written_safetensors_with_all_keys_loads()
    {
        using var model = new LeNet();
        WeightLoader.Load(model, SafeTensors(LeNetShapes()));
        Assert.AreEqual(0.0, model.parameters().Sum(p => p.abs().sum().item<float>()));
    }

    [TestMethod]
    public void Missing_tensor_is_named()
    {
        var shapes = LeNetShapes();
        shapes.Remove("fc2.bias");
        using var model = new LeNet();
        var e = Assert.ThrowsExactly<MrfiException>(() => WeightLoader.Load(model, SafeTensors(shapes)));
        StringAssert.Contains(e.Message, "missing tensor 'fc2.bias' (shape [84])");
    }

    [TestMethod]
    public void Unexpected_tensor_is_named()
    {
        var shapes = LeNetShapes();
        shapes["fc4.weight"] = [2, 2];
        using var model = new LeNet();
        var e = Assert.ThrowsExactly<MrfiException>(() => WeightLoader.Load(model, SafeTensors(shapes)));
        StringAssert.Contains(e.Message, "unexpected tensor 'fc4.weight'");
    }

    [TestMethod]
    public void Wrong_tensor_shape_names_tensor_and_both_shapes()
    {
        using var model = new LeNet(inChannels: 1);
        var e = Assert.ThrowsExactly<MrfiException>(() => WeightLoader.Load(model, SafeTensorsCifar()));
        StringAssert.Contains(e.Message, "tensor 'conv1.weight' has shape [6,3,5,5] in the file but the model needs [6,1,5,5]");
    }

    private static string SafeTensorsCifar()
    {
        var shapes = LeNetShapes();
        shapes["conv1.weight"] = [6, 3, 5, 5];
        return SafeTensors(shapes);
    }

    [TestMethod]
    public void Not_a_weights_file_is_a_clear_error()
    {
        string path = Path.Combine(Repo.TempFolder("bad"), "w.pt");
        File.WriteAllText(path, "hello");
        using var model = new LeNet();
        var e = Assert.ThrowsExactly<MrfiException>(() => WeightLoader.Load(model, path));
        StringAssert.Contains(e.Message, "is not a PyTorch torch.save file nor a .safetensors file");
    }
}
