using System.IO.Compression;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Mrfi.Core.Data;

/// <summary>Reads the named tensors of a data file: NumPy <c>.npz</c> (a zip of <c>.npy</c> arrays, stored or deflated, as
/// <c>numpy.savez</c> and <c>savez_compressed</c> write) or <c>.safetensors</c>.</summary>
internal static class TensorFile
{
    /// <summary>The tensors of <paramref name="path"/> by name (an .npz entry's name without <c>.npy</c>), sorted by name.</summary>
    /// <exception cref="MrfiException">A missing or unreadable file, or an array that cannot be read.</exception>
    public static SortedDictionary<string, Tensor> Read(string path, string format)
    {
        if (!File.Exists(path)) throw new MrfiException($"data file not found: {Path.GetFullPath(path)}");
        var tensors = new SortedDictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            if (format == "npz")
            {
                using var zip = ZipFile.OpenRead(path);
                foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0))
                {
                    using var stream = entry.Open();
                    using var buffer = new MemoryStream();
                    stream.CopyTo(buffer);
                    string name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
                    tensors[name] = NpyArray.Read(buffer.ToArray(), $"{path}: {entry.FullName}");
                }
            }
            else
            {
                foreach (var (name, tensor) in Safetensors.LoadStateDict(path)) tensors[name] = tensor;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotImplementedException
            or InvalidOperationException or System.Text.Json.JsonException)
        {
            foreach (var t in tensors.Values) t.Dispose();
            string what = format == "npz" ? "a NumPy .npz file (numpy.savez)" : "a .safetensors file";
            throw new MrfiException($"{path}: cannot read it as {what}: {e.Message}", e);
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        if (tensors.Count == 0) throw new MrfiException($"{path} holds no tensors");
        return tensors;
    }
}
