using System.IO.Compression;
using System.Text;

namespace Mrfi.Core.Tests.Data;

/// <summary>Writes NumPy .npy / .npz and .safetensors bytes by hand, following the published formats, so that the
/// readers are tested against files they did not write.</summary>
internal static class NpyBytes
{
    /// <summary>An .npy file, format 1.0 (or 2.0): magic, version, header length, the dict padded with spaces to a multiple of 64 and a
    /// newline.</summary>
    public static byte[] Npy(string descr, long[] shape, byte[] data, bool fortran = false, int major = 1)
    {
        string dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        string dict = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': ({dims}), }}";
        int prefix = major == 1 ? 10 : 12;
        int total = (prefix + dict.Length + 1 + 63) / 64 * 64;
        string header = dict.PadRight(total - prefix - 1) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0 };
        if (major == 1) bytes.AddRange(BitConverter.GetBytes((ushort)header.Length));
        else bytes.AddRange(BitConverter.GetBytes((uint)header.Length));
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(data);
        return [.. bytes];
    }

    public static byte[] Floats(params float[] v) => [.. v.SelectMany(BitConverter.GetBytes)];

    public static byte[] Longs(params long[] v) => [.. v.SelectMany(BitConverter.GetBytes)];

    /// <summary>An .npz: a zip of NAME.npy entries, deflated as numpy.savez_compressed writes them (or stored, as savez).</summary>
    public static void Npz(string path, IEnumerable<(string Name, byte[] Npy)> arrays, bool compressed = true)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, npy) in arrays)
        {
            var entry = zip.CreateEntry(name + ".npy", compressed ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            using var stream = entry.Open();
            stream.Write(npy);
        }
    }

    /// <summary>A .safetensors file: an 8-byte little-endian header length, the JSON header, then the tensors' bytes.</summary>
    public static void Safetensors(string path, IEnumerable<(string Name, string Dtype, long[] Shape, byte[] Data)> tensors)
    {
        var parts = new List<string>();
        var data = new List<byte>();
        foreach (var (name, dtype, shape, bytes) in tensors)
        {
            parts.Add($"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}]," +
                $"\"data_offsets\":[{data.Count},{data.Count + bytes.Length}]}}");
            data.AddRange(bytes);
        }
        byte[] header = Encoding.UTF8.GetBytes("{" + string.Join(",", parts) + "}");
        using var file = File.Create(path);
        file.Write(BitConverter.GetBytes((ulong)header.Length));
        file.Write(header);
        file.Write([.. data]);
    }
}
