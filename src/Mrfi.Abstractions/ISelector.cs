using TorchSharp;

namespace Mrfi;

/// <summary>Chooses which elements of a tensor receive a fault.</summary>
public interface ISelector
{
    /// <summary>Returns a 1-D int64 CPU tensor of flat (row-major) indices into a tensor of
    /// <paramref name="shape"/>; an empty tensor means no fault. Draw randomness only from
    /// <paramref name="generator"/> so that one seed reproduces the campaign.</summary>
    torch.Tensor Select(long[] shape, torch.Generator generator);
}
