using TorchSharp;

namespace Mrfi;

/// <summary>Maps float values to integers held in floats ("pseudo-quantization") and back.</summary>
/// <remarks>
/// The engine calls <see cref="Calibrate"/> once per tensor and forward, then passes the returned
/// range to <see cref="Quantize"/> and <see cref="Dequantize"/> so both use the same scale even
/// after faults changed the values. Tensors passed in are owned by the caller.
/// </remarks>
public interface IQuantizer
{
    /// <summary>Returns the 0-dim range tensor used for <paramref name="tensor"/> in this forward.</summary>
    torch.Tensor Calibrate(torch.Tensor tensor);

    /// <summary>Quantizes <paramref name="values"/> in place.</summary>
    void Quantize(torch.Tensor values, torch.Tensor range);

    /// <summary>Dequantizes <paramref name="values"/> in place.</summary>
    void Dequantize(torch.Tensor values, torch.Tensor range);
}
