using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>An IEEE-754 storage format in which bits are flipped: exponent and mantissa widths.</summary>
internal sealed record FloatFormat(string Name, ScalarType FloatType, int ExponentBits, int MantissaBits)
{
    private static readonly FloatFormat[] All =
    [
        new("float16", ScalarType.Float16, 5, 10),
        new("bfloat16", ScalarType.BFloat16, 8, 7),
        new("float32", ScalarType.Float32, 8, 23),
        new("float64", ScalarType.Float64, 11, 52),
    ];

    /// <summary>Total bits: sign, exponent, mantissa.</summary>
    public int Width => 1 + ExponentBits + MantissaBits;

    /// <summary>Exponent bias, 2^(E-1) - 1.</summary>
    public int Bias => (1 << (ExponentBits - 1)) - 1;

    /// <summary>The names accepted by <c>floattype</c>.</summary>
    public static IEnumerable<string> Names => All.Select(f => f.Name);

    /// <summary>Parses a config name (float16|bfloat16|float32|float64, or half|float|double); null means "the tensor's own type".</summary>
    public static FloatFormat? Parse(string? name)
    {
        if (name is null) return null;
        string canonical = name switch { "half" => "float16", "float" => "float32", "double" => "float64", _ => name };
        return All.FirstOrDefault(f => f.Name == canonical)
            ?? throw new ArgumentException($"floattype must be one of {string.Join(", ", Names)}, not \"{name}\"", "floattype");
    }

    /// <summary>The format of a tensor dtype.</summary>
    public static FloatFormat Of(ScalarType dtype) =>
        All.FirstOrDefault(f => f.FloatType == dtype) ?? throw new ArgumentException($"float bit flips need a floating-point tensor, not {dtype}");

    /// <summary>The format to use for <paramref name="values"/>: the configured one or the tensor's own.</summary>
    public static FloatFormat For(FloatFormat? configured, Tensor values) => configured ?? Of(values.dtype);
}
