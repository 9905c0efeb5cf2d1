using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>A float storage format in which bits are flipped: exponent and mantissa widths, and which specials it has.</summary>
/// <remarks>The formats of 8 bits and fewer (OCP FP8, MX FP6/FP4) have no libtorch dtype: <see cref="FloatType"/> is then
/// float32, the type their values are held in, and <see cref="MiniFloat"/> converts them.</remarks>
internal sealed record FloatFormat(string Name, ScalarType FloatType, int ExponentBits, int MantissaBits,
    FloatSpecials Specials = FloatSpecials.Ieee)
{
    private static readonly FloatFormat[] All =
    [
        new("float16", ScalarType.Float16, 5, 10),
        new("bfloat16", ScalarType.BFloat16, 8, 7),
        new("float32", ScalarType.Float32, 8, 23),
        new("float64", ScalarType.Float64, 11, 52),
        new("float8_e4m3fn", ScalarType.Float32, 4, 3, FloatSpecials.FiniteNaN),
        new("float8_e5m2", ScalarType.Float32, 5, 2),
        new("float6_e3m2", ScalarType.Float32, 3, 2, FloatSpecials.Finite),
        new("float6_e2m3", ScalarType.Float32, 2, 3, FloatSpecials.Finite),
        new("float4_e2m1", ScalarType.Float32, 2, 1, FloatSpecials.Finite),
    ];

    /// <summary>Whether the format is one of the narrow ones (8 bits or fewer) converted in managed code.</summary>
    public bool IsMini => Width <= 8;

    /// <summary>Total bits: sign, exponent, mantissa.</summary>
    public int Width => 1 + ExponentBits + MantissaBits;

    /// <summary>Exponent bias, 2^(E-1) - 1.</summary>
    public int Bias => (1 << (ExponentBits - 1)) - 1;

    /// <summary>The names accepted by <c>floattype</c>.</summary>
    public static IEnumerable<string> Names => All.Select(f => f.Name);

    /// <summary>Parses a config name (one of <see cref="Names"/>, or half|float|double, or the MX element names fp8_e4m3,
    /// fp8_e5m2, fp6_e3m2, fp6_e2m3, fp4_e2m1); null means "the tensor's own type".</summary>
    public static FloatFormat? Parse(string? name)
    {
        if (name is null) return null;
        string canonical = name switch
        {
            "half" => "float16", "float" => "float32", "double" => "float64", "fp8_e4m3" => "float8_e4m3fn", "fp8_e5m2" => "float8_e5m2",
            "fp6_e3m2" => "float6_e3m2", "fp6_e2m3" => "float6_e2m3", "fp4_e2m1" => "float4_e2m1", _ => name,
        };
        return All.FirstOrDefault(f => f.Name == canonical)
            ?? throw new ArgumentException($"floattype must be one of {string.Join(", ", Names)}, not \"{name}\"", "floattype");
    }

    /// <summary>The format of a tensor dtype.</summary>
    public static FloatFormat Of(ScalarType dtype) =>
        All.FirstOrDefault(f => f.FloatType == dtype && !f.IsMini)
            ?? throw new ArgumentException($"float bit flips need a floating-point tensor, not {dtype}");

    /// <summary>The format to use for <paramref name="values"/>: the configured one or the tensor's own.</summary>
    public static FloatFormat For(FloatFormat? configured, Tensor values) => configured ?? Of(values.dtype);
}
