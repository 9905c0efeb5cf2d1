using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>Affine (asymmetric) quantization with a zero point, as deployed int8 models use:
/// <c>q = clamp(round(x/s) + z, qmin, qmax)</c>, <c>x ≈ (q - z)·s</c>, with s and z from the tensor's min and max.</summary>
/// <remarks>The range always contains 0 so that zero is exact. Unsigned: q in [0, 2^b-1]; signed: [-2^(b-1), 2^(b-1)-1].</remarks>
[MrfiComponent("AsymmetricQuantization",
    Summary = "Affine quantization with a zero point from the tensor's min and max (unsigned [0, 2^b-1] or signed).")]
public sealed class AsymmetricQuantizer : IQuantizer, IBitWidth
{
    /// <summary>Creates the quantizer.</summary>
    /// <param name="bitWidth">Integer width b, 2..32.</param>
    /// <param name="signed">Signed integers [-2^(b-1), 2^(b-1)-1] instead of [0, 2^b-1].</param>
    public AsymmetricQuantizer(int bitWidth = 8, bool signed = false)
    {
        QuantizerChecks.BitWidth(bitWidth);
        BitWidth = bitWidth;
        Signed = signed;
    }

    /// <inheritdoc />
    public int BitWidth { get; }

    /// <summary>Whether the integers are signed.</summary>
    public bool Signed { get; }

    /// <inheritdoc />
    public IQuantization Calibrate(Tensor tensor)
    {
        double qmin = Signed ? -Math.Pow(2, BitWidth - 1) : 0;
        double qmax = Signed ? Math.Pow(2, BitWidth - 1) - 1 : Math.Pow(2, BitWidth) - 1;
        using var min = tensor.min().clamp_max(0);
        using var max = tensor.max().clamp_min(0);
        var scale = max.sub(min).div_(qmax - qmin);
        scale.masked_fill_(scale.eq(0), 1.0);
        var zero = min.div(scale).neg_().round_().add_(qmin).clamp_(qmin, qmax);
        return new TensorQuantization(tensor.shape, [scale, zero],
            (x, p) => x.div_(p[0]).round_().add_(p[1]).clamp_(qmin, qmax),
            (x, p) => x.sub_(p[1]).mul_(p[0]));
    }
}
