using Mrfi.Core.ErrorModels;

namespace Mrfi.Core.Quantizers;

/// <summary>An OCP MX element type: its width, its emax (the exponent of its largest power of two) and its stored words.</summary>
/// <remarks>A stored word is held as a w-bit two's-complement integer in a float (pattern p as p - 2^w when its top bit is
/// set), so that the integer error models flip exactly the stored bits and keep the result a w-bit word. MXINT8 elements are
/// int8 with the specification's implicit scale 2^-6, clamped to ±127 (symmetric).</remarks>
internal sealed record MXElement(string Name, FloatFormat? Float, int Width, int Emax)
{
    private static readonly MXElement[] All =
    [
        FromFloat("fp8_e4m3"), FromFloat("fp8_e5m2"), FromFloat("fp6_e3m2"), FromFloat("fp6_e2m3"), FromFloat("fp4_e2m1"),
        new("int8", null, 8, 0),
    ];

    /// <summary>The names accepted by <c>element</c>.</summary>
    public static IEnumerable<string> Names => All.Select(e => e.Name);

    /// <summary>The element type called <paramref name="name"/>.</summary>
    public static MXElement Parse(string name) =>
        All.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"element must be one of {string.Join(", ", Names)}, not \"{name}\"", "element");

    private static MXElement FromFloat(string name)
    {
        var f = FloatFormat.Parse(name)!;
        return new(name, f, f.Width, Math.ILogB(MiniFloat.MaxNormal(f)));
    }

    /// <summary>The stored word of a value already divided by the block's scale, rounded to nearest even and saturated.</summary>
    public long Encode(float scaled)
    {
        if (Float is null)
        {
            float q = MathF.Round(scaled * 64f, MidpointRounding.ToEven);
            return float.IsNaN(q) ? 0 : (long)Math.Clamp(q, -127f, 127f);
        }
        float max = (float)MiniFloat.MaxNormal(Float);
        long pattern = MiniFloat.Encode(Math.Clamp(scaled, -max, max), Float);
        return pattern >= 1L << (Width - 1) ? pattern - (1L << Width) : pattern;
    }

    /// <summary>The element's value (before the scale) of a stored word; any integer is read by its low w bits.</summary>
    public float Decode(long word)
    {
        long pattern = word & ((1L << Width) - 1);
        if (Float is not null) return MiniFloat.Decode(pattern, Float);
        return (pattern >= 128 ? pattern - 256 : pattern) / 64f;
    }
}
