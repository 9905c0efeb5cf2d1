namespace Mrfi.Core.Planning;

/// <summary>Stands in for the components of an entry that is switched off at a sweep point whose values its arguments do
/// not fit; <see cref="Problem"/> is what building them said. A campaign never applies it (the entry is off there); a
/// script that switches such an entry on gets the problem (see <see cref="Experiments.Experiment"/>).</summary>
internal sealed class OffPointErrorModel(MrfiException problem) : IErrorModel
{
    /// <summary>Why the components could not be built at this point.</summary>
    public MrfiException Problem { get; } = problem;

    /// <inheritdoc />
    public TorchSharp.torch.Tensor Apply(TorchSharp.torch.Tensor values, TorchSharp.torch.Generator generator) => throw Problem;
}
