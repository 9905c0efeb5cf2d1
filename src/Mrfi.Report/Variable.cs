using Mrfi.Results.Schema;

namespace Mrfi.Report;

/// <summary>A sweep variable with its kind and its distinct values (numbers ascending, labels in order of appearance).</summary>
internal sealed record Variable(string Name, VariableKind Kind, IReadOnlyList<object?> Values)
{
    private static readonly HashSet<string> RateNames = ["ber", "rate", "bit_error_rate", "error_rate", "fault_rate", "p"];
    private static readonly HashSet<string> LabelNames =
        ["format", "number_format", "quantization", "dtype", "method", "selector", "label"];

    public bool Varies => Values.Count > 1;

    public bool IsNumeric => Values.All(v => v is double or float or long or int);

    /// <summary>Numbers, all positive, spanning at least two decades: plotted on a log10 axis.</summary>
    public bool LogScale => IsNumeric && Numbers.All(v => v > 0) && Numbers.Max() / Numbers.Min() >= 100;

    public IEnumerable<double> Numbers => Values.Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Whether the variable is a bit error rate (flips per bit) rather than a rate per value.</summary>
    public bool PerBit { get; init; }

    /// <summary>Classifies <paramref name="name"/> by <paramref name="recorded"/>, the kind the manifest records (what the
    /// config bound the variable to), else, for folders written before manifests recorded kinds and for a script's tags,
    /// by its name; then by its values: a kind that needs numbers becomes a label when they are text.</summary>
    public static Variable Of(string name, IReadOnlyList<object?> values, string? recorded = null)
    {
        var distinct = values.DistinctBy(Format.Key).ToList();
        bool numeric = distinct.All(v => v is double or float or long or int);
        if (numeric) distinct = [.. distinct.OrderBy(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))];
        var known = FromManifest(recorded);
        // Layer and channel are categories whether numbered or named; the other kinds need numbers.
        var kind = (known ?? Guess(name.ToLowerInvariant(), numeric)) is var k
            && (numeric || k is VariableKind.Layer or VariableKind.Channel) ? k : VariableKind.Label;
        bool perBit = known is null ? name.Equals(SweepKind.Ber, StringComparison.OrdinalIgnoreCase) : recorded == SweepKind.Ber;
        return new Variable(name, kind, distinct) { PerBit = perBit && kind == VariableKind.Rate };
    }

    /// <summary>The report's kind of a <see cref="SweepKind"/>; null for none or one this version does not know.</summary>
    private static VariableKind? FromManifest(string? kind) => kind switch
    {
        SweepKind.Ber or SweepKind.Rate => VariableKind.Rate,
        SweepKind.Bit => VariableKind.Bit,
        SweepKind.Layer => VariableKind.Layer,
        SweepKind.Channel => VariableKind.Channel,
        SweepKind.PixelX => VariableKind.PixelX,
        SweepKind.PixelY => VariableKind.PixelY,
        SweepKind.Pixel => VariableKind.Pixel,
        SweepKind.Label => VariableKind.Label,
        SweepKind.Count or SweepKind.Switch or SweepKind.Value => VariableKind.Numeric,
        _ => null,
    };

    /// <summary>The kind a lower-case name suggests (docs/report.md), for variables whose kind no manifest records.</summary>
    private static VariableKind Guess(string n, bool numeric) =>
        n is "layer" or "layer_index" or "layer_name" ? VariableKind.Layer
        : n is "channel" or "channel_index" ? VariableKind.Channel
        : !numeric || LabelNames.Contains(n) ? VariableKind.Label
        : RateNames.Contains(n) || n.EndsWith("_ber", StringComparison.Ordinal) || n.EndsWith("_rate", StringComparison.Ordinal)
            ? VariableKind.Rate
        : n is "bit" or "bit_index" or "bit_position" ? VariableKind.Bit
        : n is "x" or "col" or "column" or "pixel_x" ? VariableKind.PixelX
        : n is "y" or "row" or "pixel_y" ? VariableKind.PixelY
        : n is "pixel" or "pixel_index" ? VariableKind.Pixel
        : VariableKind.Numeric;

    /// <summary>"ber = 1e-4"; every value of a log-scale variable as a power of ten, so a legend reads 1e-3, 1e-2 rather than 1e-3,
    /// 0.01.</summary>
    public string Describe(object? value) => $"{Name} = {Show(value)}";

    /// <summary>A value as the table and legends show it: powers of ten for a log-scale variable.</summary>
    public string Show(object? value) => LogScale && value is double d ? Format.Exponent(d) : Format.Value(value);
}
