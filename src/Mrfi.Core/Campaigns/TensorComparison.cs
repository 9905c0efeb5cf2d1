using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>[model] output = "tensor": any output [N, …] (embeddings, detection heads), compared per sample with the golden
/// output. DUE: a NaN or ±Inf anywhere in the sample; masked: identical; SDC: finite with a relative deviation
/// (<see cref="OutputDeviation"/>) above <paramref name="tolerance"/>; tolerable: changed, within the tolerance. There are
/// no labels to be right about: no correct predictions, top-5 or critical SDCs.</summary>
internal sealed class TensorComparison(double tolerance) : IOutputComparison
{
    public bool Classifies => false;

    public string Name => "tensor";

    public long Correct(Tensor output, Tensor labels) => 0;

    public void Add(TrialOutcome outcome, Tensor output, Tensor golden, Tensor labels)
    {
        var finite = OutputDeviation.Finite(output);
        var identical = OutputDeviation.Identical(output, golden);
        var relative = OutputDeviation.Relative(output, golden);
        var changed = finite.logical_and(identical.logical_not());
        var sdc = changed.logical_and(relative.gt(tolerance));
        outcome.Due += finite.logical_not().sum().item<long>();
        outcome.Masked += identical.sum().item<long>();
        outcome.Sdc += sdc.sum().item<long>();
        outcome.Tolerable += changed.logical_and(sdc.logical_not()).sum().item<long>();
        outcome.Changed += identical.logical_not().sum().item<long>();
        OutputDeviation.Accumulate(outcome, output, golden, finite, relative);
    }
}
