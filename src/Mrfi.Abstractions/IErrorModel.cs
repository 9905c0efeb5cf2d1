using TorchSharp;

namespace Mrfi;

/// <summary>Turns the selected values of a tensor into faulty values.</summary>
public interface IErrorModel
{
    /// <summary>Returns a new 1-D tensor with the same shape, dtype and device as
    /// <paramref name="values"/>, which must not be modified. Randomness comes from
    /// <paramref name="generator"/> (a CPU generator).</summary>
    torch.Tensor Apply(torch.Tensor values, torch.Generator generator);
}
