using TorchSharp;

namespace Mrfi;

/// <summary>Maps float values to integers held in floats ("pseudo-quantization") and back.</summary>
/// <remarks>The engine calls <see cref="Calibrate"/> once per tensor and forward; the returned
/// <see cref="IQuantization"/> quantizes and dequantizes with the same parameters even after faults
/// changed the values. Tensors passed in are owned by the caller.</remarks>
public interface IQuantizer
{
    /// <summary>Computes this forward's parameters (range, scale, zero point) from <paramref name="tensor"/>.</summary>
    IQuantization Calibrate(torch.Tensor tensor);
}
