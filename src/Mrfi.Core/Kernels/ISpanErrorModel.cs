using static TorchSharp.torch;

namespace Mrfi.Core.Kernels;

/// <summary>An error model that the fused kernels can run on the selected float32 values in place, drawing exactly what its
/// <see cref="IErrorModel.Apply"/> draws from the generator, so both give the same bits.</summary>
internal interface ISpanErrorModel
{
    /// <summary>Applies the model to <paramref name="values"/> in place; false (having drawn nothing) when it cannot, and the
    /// caller goes through <see cref="IErrorModel.Apply"/> instead.</summary>
    bool TryApply(Span<float> values, Generator generator);
}
