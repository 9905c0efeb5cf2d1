using System.Globalization;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Mrfi.Core.Data;

/// <summary>Reads IDX files (MNIST, Fashion-MNIST), raw or gzip-compressed, with unsigned-byte data.</summary>
public static class IdxFile
{
    /// <summary>Reads a file and returns its dimensions and bytes.</summary>
    /// <exception cref="MrfiException">Missing file, bad magic number, unsupported element type, or a size that does not match the
    /// header.</exception>
    public static (int[] Dims, byte[] Data) Read(string path) => Read(path, default);

    /// <summary>Reads a file; each error belongs to <paramref name="site"/> (the config key's <c>file(line,col): error: [data] images:
    /// </c>).</summary>
    public static (int[] Dims, byte[] Data) Read(string path, DiagnosticSite site)
    {
        if (Directory.Exists(path)) throw site.Error($"{path} is a folder; give the IDX file in it");
        if (!File.Exists(path)) throw site.Error($"data file not found: {Path.GetFullPath(path)}");
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var raw = new MemoryStream();
            try { gz.CopyTo(raw); }
            catch (InvalidDataException e) { throw site.Error($"{path}: corrupt gzip data: {e.Message}"); }
            bytes = raw.ToArray();
        }
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0)
            throw site.Error($"{path}: not an IDX file (bad magic number {Hex(bytes)}; expected 00 00 08 0N)");
        if (bytes[2] != 0x08)
            throw site.Error($"{path}: IDX element type 0x{bytes[2]:x2} is not supported (only unsigned bytes, 0x08)");
        int ndims = bytes[3];
        if (ndims is < 1 or > 4)
            throw site.Error($"{path}: bad IDX header ({ndims} dimensions)");
        if (bytes.Length < 4 + 4 * ndims)
            throw site.Error($"{path}: the file ends inside its IDX header ({bytes.Length} bytes; truncated?)");
        var dims = new int[ndims];
        long expected = 1;
        for (int i = 0; i < ndims; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            if (dims[i] < 0) throw site.Error($"{path}: negative IDX dimension {dims[i]}");
            expected *= dims[i];
        }
        int offset = 4 + 4 * ndims;
        if (bytes.Length - offset != expected)
            throw site.Error($"{path}: the header promises {expected} bytes of data ([{string.Join("×", dims)}]) but the file holds " +
                $"{bytes.Length - offset}{(bytes.Length - offset < expected ? " (truncated?)" : "")}");
        return (dims, bytes[offset..]);
    }

    private static string Hex(byte[] b) => string.Join(" ", b.Take(4).Select(x => x.ToString("x2", CultureInfo.InvariantCulture)));
}
