using System.Globalization;

namespace Mrfi.Core.Quantizers;

/// <summary>A quantizer's range: a fixed number, or "auto" (the tensor's max |x| in each forward, as MRFI's 'auto'/'max').</summary>
public readonly record struct DynamicRange
{
    /// <summary>A fixed range.</summary>
    public DynamicRange(double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "dynamic_range must be a positive number or \"auto\"");
        Value = value;
    }

    /// <summary>Parses "auto" or "max" (the same thing) or a number.</summary>
    public DynamicRange(string text)
    {
        if (text is "auto" or "max") { Value = null; return; }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) { this = new DynamicRange(v); return; }
        throw new ArgumentException($"dynamic_range must be a positive number or \"auto\", not \"{text}\"", nameof(text));
    }

    /// <summary>The fixed range, or null for auto.</summary>
    public double? Value { get; }

    /// <summary>Whether the range is computed from each tensor.</summary>
    public bool IsAuto => Value is null;

    /// <summary>The auto range.</summary>
    public static DynamicRange Auto => new("auto");

    /// <inheritdoc />
    public override string ToString() => Value?.ToString("R", CultureInfo.InvariantCulture) ?? "auto";
}
