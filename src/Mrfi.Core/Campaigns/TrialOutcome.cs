using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>Classifies each sample of a trial against its golden output: DUE-like (NaN/Inf), SDC (prediction changed;
/// critical when it was right and is now wrong), tolerable (output changed, prediction did not), masked (output identical).</summary>
internal sealed class TrialOutcome
{
    public long Correct, Top5, Changed, Masked, Tolerable, Sdc, Critical, Due;

    public void Add(Tensor output, Tensor golden, Tensor labels)
    {
        var predicted = output.argmax(1);
        var goldenPredicted = golden.argmax(1);
        var finite = output.isfinite().all(1);
        var same = predicted.eq(goldenPredicted);
        var identical = output.eq(golden).all(1);
        var right = predicted.eq(labels);
        Correct += right.sum().item<long>();
        Changed += same.logical_not().sum().item<long>();
        long k = Math.Min(5, output.shape[1]);
        var (_, top) = output.topk((int)k, dim: 1);
        Top5 += top.eq(labels.unsqueeze(1)).any(1).sum().item<long>();
        Due += finite.logical_not().sum().item<long>();
        var sdc = finite.logical_and(same.logical_not());
        Sdc += sdc.sum().item<long>();
        Critical += sdc.logical_and(goldenPredicted.eq(labels)).logical_and(right.logical_not()).sum().item<long>();
        Masked += identical.sum().item<long>();
        Tolerable += finite.logical_and(same).logical_and(identical.logical_not()).sum().item<long>();
    }
}
