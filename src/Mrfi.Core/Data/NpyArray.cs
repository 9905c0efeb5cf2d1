using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Data;

/// <summary>Reads one NumPy <c>.npy</c> array (format versions 1–3): the magic <c>\x93NUMPY</c>, a version, a header
/// length, a Python dict literal <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c>, then the data.</summary>
internal static partial class NpyArray
{
    /// <summary>The element types read, by NumPy's <c>descr</c>: little-endian float32/64, int32/64, and bytes and booleans.</summary>
    public static readonly IReadOnlyDictionary<string, (ScalarType Type, int Size)> Types = new Dictionary<string, (ScalarType, int)>
    {
        ["<f4"] = (ScalarType.Float32, 4), ["<f8"] = (ScalarType.Float64, 8), ["<i8"] = (ScalarType.Int64, 8),
        ["<i4"] = (ScalarType.Int32, 4), ["|u1"] = (ScalarType.Byte, 1), ["|b1"] = (ScalarType.Bool, 1),
    };

    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads the array in <paramref name="bytes"/>; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="MrfiException">Not an .npy array, an unsupported element type, or a size that does not match the
    /// header.</exception>
    public static Tensor Read(byte[] bytes, string name)
    {
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw new MrfiException($"{name}: not a NumPy .npy array (no \\x93NUMPY magic)");
        int major = bytes[6];
        int at = major == 1 ? 10 : 12;
        if (major is < 1 or > 3 || bytes.Length < at)
            throw new MrfiException($"{name}: .npy format version {major}.{bytes[7]} is not supported (1.0 to 3.0 are)");
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8))
            : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (at + headerLength > bytes.Length) throw new MrfiException($"{name}: the .npy header is cut off");
        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes, at, (int)headerLength);
        var (descr, fortran, shape) = Parse(header, name);
        if (!Types.TryGetValue(descr.Replace("=", "<", StringComparison.Ordinal), out var type))
            throw new MrfiException($"{name}: element type '{descr}' is not supported; the supported NumPy types are " +
                $"{string.Join(", ", Types.Keys)} (float32, float64, int64, int32, uint8, bool, little-endian); convert with " +
                $"array.astype(...)");
        long count = shape.Aggregate(1L, (a, b) => a * b);
        long offset = at + headerLength;
        if (bytes.Length - offset != count * type.Size)
            throw new MrfiException($"{name}: the header promises {count} values of '{descr}' ([{string.Join(", ", shape)}], " +
                $"{count * type.Size} bytes) but {bytes.Length - offset} bytes follow");
        // A Fortran-order array holds the transpose's C order: read it reversed, then permute back.
        long[] stored = fortran ? [.. shape.Reverse()] : shape;
        var typed = Values(bytes.AsSpan((int)offset), type.Type, stored);
        if (!fortran) return typed;
        using (typed) return typed.permute([.. Enumerable.Range(0, shape.Length).Reverse().Select(i => (long)i)]).contiguous();
    }

    /// <summary>Little-endian values as a tensor of <paramref name="shape"/> (the machine is little-endian: .NET on x64 and
    /// arm64).</summary>
    private static Tensor Values(ReadOnlySpan<byte> data, ScalarType type, long[] shape) => type switch
    {
        ScalarType.Float32 => torch.tensor(MemoryMarshal.Cast<byte, float>(data).ToArray(), shape),
        ScalarType.Float64 => torch.tensor(MemoryMarshal.Cast<byte, double>(data).ToArray(), shape),
        ScalarType.Int64 => torch.tensor(MemoryMarshal.Cast<byte, long>(data).ToArray(), shape),
        ScalarType.Int32 => torch.tensor(MemoryMarshal.Cast<byte, int>(data).ToArray(), shape),
        ScalarType.Byte => torch.tensor(data.ToArray(), shape),
        _ => torch.tensor([.. data.ToArray().Select(b => b != 0)], shape),
    };

    private static (string Descr, bool Fortran, long[] Shape) Parse(string header, string name)
    {
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw new MrfiException($"{name}: cannot read the .npy header {header.Trim()}; expected 'descr', 'fortran_order' and 'shape'");
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v
                : throw new MrfiException($"{name}: bad .npy shape ({shape.Groups[1].Value})"))
            .ToArray();
        return (descr.Groups[1].Value, fortran.Groups[1].Value == "True", dims);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
