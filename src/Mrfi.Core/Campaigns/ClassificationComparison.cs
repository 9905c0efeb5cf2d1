using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>[model] output = "classes": [N, classes] scores. DUE-like (NaN/Inf), SDC (prediction changed; critical when it
/// was right and is now wrong), tolerable (output changed, prediction did not), masked (output identical).</summary>
internal sealed class ClassificationComparison : IOutputComparison
{
    public bool Classifies => true;

    public string Name => "classes";

    public long Correct(Tensor output, Tensor labels) => output.argmax(1).eq(labels).sum().item<long>();

    public void Add(TrialOutcome outcome, Tensor output, Tensor golden, Tensor labels)
    {
        var predicted = output.argmax(1);
        var goldenPredicted = golden.argmax(1);
        var finite = output.isfinite().all(1);
        var same = predicted.eq(goldenPredicted);
        var identical = output.eq(golden).all(1);
        var right = predicted.eq(labels);
        outcome.Correct += right.sum().item<long>();
        outcome.Changed += same.logical_not().sum().item<long>();
        long k = Math.Min(5, output.shape[1]);
        var (_, top) = output.topk((int)k, dim: 1);
        outcome.Top5 += top.eq(labels.unsqueeze(1)).any(1).sum().item<long>();
        outcome.Due += finite.logical_not().sum().item<long>();
        var sdc = finite.logical_and(same.logical_not());
        outcome.Sdc += sdc.sum().item<long>();
        outcome.Critical += sdc.logical_and(goldenPredicted.eq(labels)).logical_and(right.logical_not()).sum().item<long>();
        outcome.Masked += identical.sum().item<long>();
        outcome.Tolerable += finite.logical_and(same).logical_and(identical.logical_not()).sum().item<long>();
        OutputDeviation.Accumulate(outcome, output, golden, finite, OutputDeviation.Relative(output, golden));
    }
}
