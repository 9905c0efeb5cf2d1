using TorchSharp;

namespace Mrfi;

/// <summary>The parameters of one quantization of one tensor in one forward.</summary>
public interface IQuantization : IDisposable
{
    /// <summary>Quantizes <paramref name="values"/> in place (the whole tensor, or the values returned by <see cref="At"/>).</summary>
    void Quantize(torch.Tensor values);

    /// <summary>Dequantizes <paramref name="values"/> in place.</summary>
    void Dequantize(torch.Tensor values);

    /// <summary>The parameters for the elements at <paramref name="flatIndex"/> of the calibrated tensor, in that order
    /// (selected-values mode). Per-tensor parameters return an equivalent object; per-channel ones gather.</summary>
    IQuantization At(torch.Tensor flatIndex);
}
