using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>ONNX <c>TensorProto</c> ↔ TorchSharp tensors: the data types, raw and typed storage, and external data files.</summary>
internal static class OnnxTensors
{
    /// <summary>The TorchSharp type of an ONNX <c>TensorProto.DataType</c>, or null when mrfi has none.</summary>
    public static ScalarType? TypeOf(int dataType) => dataType switch
    {
        1 => ScalarType.Float32,
        2 => ScalarType.Byte,
        3 => ScalarType.Int8,
        5 => ScalarType.Int16,
        6 => ScalarType.Int32,
        7 => ScalarType.Int64,
        9 => ScalarType.Bool,
        10 => ScalarType.Float16,
        11 => ScalarType.Float64,
        16 => ScalarType.BFloat16,
        _ => null,
    };

    /// <summary>The ONNX name of a data type, for messages.</summary>
    public static string NameOf(int dataType) => dataType switch
    {
        1 => "float", 2 => "uint8", 3 => "int8", 4 => "uint16", 5 => "int16", 6 => "int32", 7 => "int64", 8 => "string",
        9 => "bool", 10 => "float16", 11 => "double", 12 => "uint32", 13 => "uint64", 14 => "complex64", 15 => "complex128",
        16 => "bfloat16", _ => $"type {dataType}",
    };

    /// <summary>Reads a tensor; <paramref name="baseDir"/> resolves external data (null: external data is refused).</summary>
    public static Tensor ToTensor(TensorProto proto, string? baseDir)
    {
        var type = TypeOf(proto.DataType)
            ?? throw new OnnxNodeException($"tensor '{proto.Name}' has data type {NameOf(proto.DataType)}, which mrfi does not support");
        long[] shape = [.. proto.Dims];
        long count = shape.Aggregate(1L, (a, d) => a * d);
        if (proto.DataLocation == TensorProto.Types.DataLocation.External)
            return FromBytes(ReadExternal(proto, baseDir, count * ElementSize(type)), type, shape);
        if (!proto.RawData.IsEmpty) return FromBytes(proto.RawData.ToByteArray(), type, shape);
        long stored = type switch
        {
            ScalarType.Float32 => proto.FloatData.Count,
            ScalarType.Float64 => proto.DoubleData.Count,
            ScalarType.Int64 => proto.Int64Data.Count,
            _ => proto.Int32Data.Count,
        };
        if (stored != count)
            throw new OnnxNodeException($"tensor '{proto.Name}' of shape [{string.Join(",", shape)}] holds {stored} values instead of " +
                $"{count}");
        return type switch
        {
            ScalarType.Float32 => tensor(proto.FloatData.ToArray(), shape),
            ScalarType.Float64 => tensor(proto.DoubleData.ToArray(), shape),
            ScalarType.Int64 => tensor(proto.Int64Data.ToArray(), shape),
            ScalarType.Int32 => tensor(proto.Int32Data.ToArray(), shape),
            ScalarType.Int16 => tensor(proto.Int32Data.Select(v => (short)v).ToArray(), shape),
            ScalarType.Int8 => tensor(proto.Int32Data.Select(v => (sbyte)v).ToArray(), shape).to_type(ScalarType.Int8),
            ScalarType.Byte => tensor(proto.Int32Data.Select(v => (byte)v).ToArray(), shape),
            ScalarType.Bool => tensor(proto.Int32Data.Select(v => v != 0).ToArray(), shape),
            // float16 and bfloat16 hold their bit patterns in int32_data.
            ScalarType.Float16 or ScalarType.BFloat16 =>
                FromBytes(proto.Int32Data.SelectMany(v => BitConverter.GetBytes((ushort)v)).ToArray(), type, shape),
            _ => throw new OnnxNodeException($"tensor '{proto.Name}' stores {NameOf(proto.DataType)} in a way mrfi does not read"),
        };
    }

    private static Tensor FromBytes(byte[] bytes, ScalarType type, long[] shape)
    {
        long count = shape.Aggregate(1L, (a, d) => a * d);
        if (bytes.LongLength != count * ElementSize(type))
            throw new OnnxNodeException($"a tensor of shape [{string.Join(",", shape)}] holds {bytes.LongLength} bytes instead of " +
                $"{count * ElementSize(type)}");
        // Little-endian raw bytes, as ONNX stores them, copied into torch-owned memory.
        var result = empty(shape, type);
        result.bytes = bytes;
        return result;
    }

    private static byte[] ReadExternal(TensorProto proto, string? baseDir, long expected)
    {
        var entries = proto.ExternalData.ToDictionary(e => e.Key, e => e.Value);
        if (baseDir is null || !entries.TryGetValue("location", out var location))
            throw new OnnxNodeException($"tensor '{proto.Name}' keeps its data in an external file, but names none");
        string path = Path.GetFullPath(Path.Combine(baseDir, location));
        if (!File.Exists(path))
            throw new OnnxNodeException($"tensor '{proto.Name}' keeps its data in '{location}', which does not exist (looked for {path}; " +
                $"external data files are found relative to the .onnx file)");
        long offset = entries.TryGetValue("offset", out var o) ? long.Parse(o, System.Globalization.CultureInfo.InvariantCulture) : 0;
        long length = entries.TryGetValue("length", out var l) ? long.Parse(l, System.Globalization.CultureInfo.InvariantCulture)
            : expected;
        using var stream = File.OpenRead(path);
        if (offset + length > stream.Length)
            throw new OnnxNodeException($"tensor '{proto.Name}': its external file '{location}' is {stream.Length} bytes, too short for " +
                $"{length} bytes at offset {offset}");
        stream.Position = offset;
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static long ElementSize(ScalarType type) => type switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Int16 => 2,
        _ => 1,
    };

    /// <summary>Parses bytes as a model; null when they are not a readable ONNX model.</summary>
    public static ModelProto? TryParse(byte[] bytes)
    {
        try
        {
            return ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
