using static TorchSharp.torch;

namespace Mrfi.Core.Kernels;

/// <summary>A selector that draws its positions in managed code: the engine takes them as an array instead of a tensor, and
/// the selector's <see cref="ISelector.Select"/> returns the same draw as a tensor.</summary>
internal interface IPositionSampler
{
    /// <summary>Draws positions into a tensor of <paramref name="shape"/> (any order, duplicates allowed), in an array rented
    /// from <see cref="System.Buffers.ArrayPool{T}.Shared"/> that the caller returns; the first <c>Count</c> entries count.</summary>
    (long[] Rented, int Count) Sample(long[] shape, Generator generator);
}
