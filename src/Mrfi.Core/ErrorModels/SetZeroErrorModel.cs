using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Sets the selected values to zero (stuck-at-zero of the whole value).</summary>
[MrfiComponent("SetZero", Summary = "Sets the selected values to zero (stuck-at-zero of the whole value).")]
public sealed class SetZeroErrorModel : IErrorModel
{
    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator) => torch.zeros_like(values);
}
