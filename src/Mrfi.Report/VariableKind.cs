namespace Mrfi.Report;

/// <summary>What a sweep variable's name says it varies; decides which figure it drives (docs/report.md).</summary>
internal enum VariableKind
{
    /// <summary>A fault rate (ber, rate, …): the x axis of accuracy curves.</summary>
    Rate,

    /// <summary>Which bit is flipped: bit-sensitivity bars.</summary>
    Bit,

    /// <summary>Which channel is hit: channel box plots.</summary>
    Channel,

    /// <summary>Which layer is hit: layer-sensitivity bars.</summary>
    Layer,

    /// <summary>Pixel column (x).</summary>
    PixelX,

    /// <summary>Pixel row (y).</summary>
    PixelY,

    /// <summary>A flat pixel index of a square image.</summary>
    Pixel,

    /// <summary>A label (text value, or a format/quantization name): one curve or bar group per value.</summary>
    Label,

    /// <summary>Any other number (scale factor, bit width, …): an x axis when no rate is swept, else a series.</summary>
    Numeric,
}
