using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>An IEEE-754 storage format in which bits are flipped, and the integer type of the same width.</summary>
internal sealed record FloatFormat(string Name, ScalarType FloatType, ScalarType IntType, int Width)
{
    private static readonly FloatFormat[] All =
    [
        new("float16", ScalarType.Float16, ScalarType.Int16, 16),
        new("bfloat16", ScalarType.BFloat16, ScalarType.Int16, 16),
        new("float32", ScalarType.Float32, ScalarType.Int32, 32),
        new("float64", ScalarType.Float64, ScalarType.Int64, 64),
    ];

    /// <summary>The names accepted by <c>floattype</c>.</summary>
    public static IEnumerable<string> Names => All.Select(f => f.Name);

    /// <summary>Parses a config name (float16|bfloat16|float32|float64); null means "the tensor's own type".</summary>
    public static FloatFormat? Parse(string? name)
    {
        if (name is null) return null;
        return All.FirstOrDefault(f => f.Name == name || (f.Name == "float16" && name == "half") || (f.Name == "float32" && name == "float") || (f.Name == "float64" && name == "double"))
            ?? throw new ArgumentException($"floattype must be one of {string.Join(", ", Names)}, not \"{name}\"", nameof(name));
    }

    /// <summary>The format of a tensor dtype.</summary>
    public static FloatFormat Of(ScalarType dtype) =>
        All.FirstOrDefault(f => f.FloatType == dtype) ?? throw new ArgumentException($"float bit flips need a floating-point tensor, not {dtype}");
}
