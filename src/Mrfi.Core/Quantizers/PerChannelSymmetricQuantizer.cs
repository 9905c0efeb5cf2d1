using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>Symmetric quantization with one range per channel (max |x| over all other dimensions), as deployed int8 weights use.</summary>
[MrfiComponent("PerChannelSymmetricQuantization",
    Summary = "Symmetric quantization with one auto range per channel (max |x| over the other dimensions).")]
public sealed class PerChannelSymmetricQuantizer : IQuantizer, IBitWidth
{
    /// <summary>Creates the quantizer.</summary>
    /// <param name="bitWidth">Integer width b, 2..32.</param>
    /// <param name="channelDim">The channel dimension: 0 for weights (output channels), 1 for activations.</param>
    /// <param name="scaleFactor">Multiplies every range.</param>
    public PerChannelSymmetricQuantizer(int bitWidth, int channelDim = 0, double scaleFactor = 1.0)
    {
        QuantizerChecks.BitWidth(bitWidth);
        QuantizerChecks.ScaleFactor(scaleFactor);
        if (channelDim < 0) throw new ArgumentOutOfRangeException(nameof(channelDim), channelDim, "channel_dim must be 0 or more");
        BitWidth = bitWidth;
        ChannelDim = channelDim;
        ScaleFactor = scaleFactor;
    }

    /// <inheritdoc />
    public int BitWidth { get; }

    /// <summary>The channel dimension.</summary>
    public int ChannelDim { get; }

    /// <summary>Range multiplier.</summary>
    public double ScaleFactor { get; }

    /// <inheritdoc />
    public IQuantization Calibrate(Tensor tensor)
    {
        if (ChannelDim >= tensor.dim())
            throw new ArgumentOutOfRangeException(nameof(tensor),
                $"channel_dim {ChannelDim} does not exist in a tensor of shape [{string.Join(", ", tensor.shape)}]");
        long[] reduce = [.. Enumerable.Range(0, (int)tensor.dim()).Where(d => d != ChannelDim).Select(d => (long)d)];
        var range = reduce.Length == 0 ? tensor.abs() : tensor.abs().amax(reduce, keepdim: true);
        range.masked_fill_(range.eq(0), 1.0);
        if (ScaleFactor != 1.0) range.mul_(ScaleFactor);
        return SymmetricQuantizer.Symmetric(tensor.shape, range, BitWidth);
    }
}
