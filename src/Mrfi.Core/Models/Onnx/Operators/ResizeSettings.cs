namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>A Resize node's attributes: interpolation <paramref name="Mode"/>, the coordinate transformation, the nearest
/// rounding ("simple" is opset 10's), and the cubic and extrapolation constants.</summary>
internal sealed record ResizeSettings(string Mode, string Transform, string Nearest, double CubicA, bool ExcludeOutside,
    double Extrapolation);
