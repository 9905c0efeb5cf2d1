using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Flips the sign bit of b-bit integers: x ≥ 0 becomes x - 2^(b-1) and x &lt; 0 becomes x + 2^(b-1).</summary>
[MrfiComponent("IntSignBitFlip", Summary = "Flips the sign bit (b-1) of b-bit integers: x ≥ 0 → x - 2^(b-1), x < 0 → x + 2^(b-1).")]
public sealed class IntSignBitFlipErrorModel(int bitWidth) : IntBitErrorModel(bitWidth)
{
    /// <inheritdoc />
    protected override Tensor Mask(long[] shape, Generator generator, Device device) =>
        torch.full(shape, 1L << (BitWidth - 1), dtype: ScalarType.Int64, device: device);
}
