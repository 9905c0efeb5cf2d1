namespace Mrfi.Results.Schema;

/// <summary>What a sweep variable varies, as the config binds it (<c>ber = "$ber"</c> in a selector makes it a
/// <see cref="Ber"/>): manifest.json's <c>sweep_kinds</c> records one per variable, so that the report needs no guess
/// from the variable's name. docs/results.md lists which config key gives which kind.</summary>
public static class SweepKind
{
    /// <summary>A bit error rate: the probability that each bit flips (a selector's <c>ber</c>).</summary>
    public const string Ber = "ber";

    /// <summary>A fault rate per value (a selector's <c>rate</c>, or any key ending in <c>_rate</c>).</summary>
    public const string Rate = "rate";

    /// <summary>Which bit is hit (an error model's <c>bit</c>).</summary>
    public const string Bit = "bit";

    /// <summary>Which modules are hit (<c>module_name = "$layer"</c> and the other module selectors).</summary>
    public const string Layer = "layer";

    /// <summary>Which channel is hit (a selector's <c>channel</c>).</summary>
    public const string Channel = "channel";

    /// <summary>The column (w) of the pixel hit: the second element of <c>pixel = [h, w]</c>.</summary>
    public const string PixelX = "pixel_x";

    /// <summary>The row (h) of the pixel hit: the first element of <c>pixel = [h, w]</c>.</summary>
    public const string PixelY = "pixel_y";

    /// <summary>A flat pixel index (<c>pixel = "$p"</c>).</summary>
    public const string Pixel = "pixel";

    /// <summary>A number of faults (a selector's <c>n</c>).</summary>
    public const string Count = "count";

    /// <summary>A choice by name: a text variable (an entry switched on by name, a component, a format).</summary>
    public const string Label = "label";

    /// <summary>A number that switches entries on and off (<c>enabled = "$on"</c>, 0 is off).</summary>
    public const string Switch = "switch";

    /// <summary>Any other number (a scale factor, a bit width), or a variable the config does not use.</summary>
    public const string Value = "value";

    /// <summary>Every kind; where a variable is bound in several places, the first of its kinds in this order is kept.</summary>
    public static readonly IReadOnlyList<string> All = [Ber, Rate, Bit, Layer, Channel, PixelX, PixelY, Pixel, Count, Label, Switch, Value];
}
