using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>Base of the quantizers configured by a bit width, a dynamic range and a scale factor.</summary>
public abstract class RangeQuantizer : IQuantizer, IBitWidth
{
    private protected RangeQuantizer(int bitWidth, DynamicRange dynamicRange, double scaleFactor, int minimumBitWidth = 2)
    {
        QuantizerChecks.BitWidth(bitWidth, minimumBitWidth);
        QuantizerChecks.ScaleFactor(scaleFactor);
        BitWidth = bitWidth;
        DynamicRange = dynamicRange;
        ScaleFactor = scaleFactor;
    }

    /// <inheritdoc />
    public int BitWidth { get; }

    /// <summary>The configured range.</summary>
    public DynamicRange DynamicRange { get; }

    /// <summary>Range multiplier.</summary>
    public double ScaleFactor { get; }

    /// <inheritdoc />
    public abstract IQuantization Calibrate(Tensor tensor);
}
