namespace Mrfi.Core.Data;

/// <summary>How byte pixels become model inputs: x · <see cref="Scale"/> / 255, then (x − mean[c]) / std[c].</summary>
/// <param name="Mean">Per-channel (or one) mean.</param>
/// <param name="Std">Per-channel (or one) standard deviation.</param>
/// <param name="Scale">The value of a full-intensity pixel: 1 (torchvision's ToTensor, [0, 1]) or 255 (Caffe-style raw pixels).</param>
public sealed record PixelScaling(IReadOnlyList<double> Mean, IReadOnlyList<double> Std, double Scale = 1.0);
