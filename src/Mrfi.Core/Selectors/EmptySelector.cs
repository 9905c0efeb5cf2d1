using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Selectors;

/// <summary>Selects nothing: the entry quantizes but never injects (useful to measure quantization alone).</summary>
[MrfiComponent("EmptySelector", Summary = "Selects nothing (quantization without faults).")]
public sealed class EmptySelector : ISelector, IExpectedFaults
{
    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator) => torch.empty(0, dtype: ScalarType.Int64);

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape) => 0;
}
