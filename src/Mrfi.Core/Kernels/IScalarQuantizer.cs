namespace Mrfi.Core.Kernels;

/// <summary>A quantizer whose per-tensor parameters the fused kernels can compute from the values themselves; its tensor
/// <see cref="IQuantizer.Calibrate"/> stays the reference, and tests hold the two to the same bits.</summary>
internal interface IScalarQuantizer
{
    /// <summary>This forward's parameters for <paramref name="values"/> (non-empty), as the tensor path computes them.</summary>
    ScalarQuantization Calibrate(ReadOnlySpan<float> values);
}
