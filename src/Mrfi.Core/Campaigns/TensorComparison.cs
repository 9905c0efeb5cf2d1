using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>[model] output = "tensor": any output [N, …] (embeddings, detection heads), compared per sample with the golden
/// output. DUE: a NaN or ±Inf anywhere in the sample; masked: identical; SDC: finite with a relative deviation
/// (<see cref="OutputDeviation"/>) above <paramref name="tolerance"/>; tolerable: changed, within the tolerance. There are
/// no labels to be right about: no correct predictions, top-5 or critical SDCs. A model with several outputs
/// (<paramref name="outputs"/>: names and elements per sample, packed side by side) is one sample per input: DUE when any
/// output holds a NaN or ±Inf, masked when all are identical, SDC when any output's own relative deviation exceeds the
/// tolerance; each output also gets its own RMSE.</summary>
internal sealed class TensorComparison(double tolerance, IReadOnlyList<(string Name, long Size)>? outputs = null) : IOutputComparison
{
    public bool Classifies => false;

    public string Name => "tensor";

    public long Correct(Tensor output, Tensor labels) => 0;

    public void Add(TrialOutcome outcome, Tensor output, Tensor golden, Tensor labels)
    {
        var finite = OutputDeviation.Finite(output);
        var identical = OutputDeviation.Identical(output, golden);
        var relative = outputs is { Count: > 1 } several ? PerOutput(several, outcome, output, golden, finite)
            : OutputDeviation.Relative(output, golden);
        var changed = finite.logical_and(identical.logical_not());
        var sdc = changed.logical_and(relative.gt(tolerance));
        outcome.Due += finite.logical_not().sum().item<long>();
        outcome.Masked += identical.sum().item<long>();
        outcome.Sdc += sdc.sum().item<long>();
        outcome.Tolerable += changed.logical_and(sdc.logical_not()).sum().item<long>();
        outcome.Changed += identical.logical_not().sum().item<long>();
        OutputDeviation.Accumulate(outcome, output, golden, finite, relative);
    }

    /// <summary>Per sample, the largest of the outputs' relative deviations, each against its own golden scale (a detection
    /// head's pixel coordinates and class scores differ by orders of magnitude: one scale would hide the scores' changes);
    /// adds each output's squared errors over the finite samples to <paramref name="outcome"/>.</summary>
    private static Tensor PerOutput(IReadOnlyList<(string Name, long Size)> several, TrialOutcome outcome, Tensor output, Tensor golden,
        Tensor finite)
    {
        if (outcome.OutputElements.Length == 0)
        {
            outcome.OutputSquaredError = new double[several.Count];
            outcome.OutputElements = new long[several.Count];
        }
        var relative = zeros(output.shape[0], dtype: ScalarType.Float64, device: output.device);
        long at = 0;
        for (int i = 0; i < several.Count; i++)
        {
            long size = several[i].Size;
            if (size == 0) continue;
            var y = output.narrow(1, at, size);
            var g = golden.narrow(1, at, size);
            at += size;
            relative = relative.maximum(OutputDeviation.Relative(y, g));
            var (squares, elements) = OutputDeviation.SquaredError(y, g, finite);
            outcome.OutputSquaredError[i] += squares;
            outcome.OutputElements[i] += elements;
        }
        return relative;
    }
}
