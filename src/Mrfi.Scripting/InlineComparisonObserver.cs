using Mrfi.Core;
using Mrfi.Core.Observers;
using static TorchSharp.torch;

namespace Mrfi.Scripting;

/// <summary>An observer written in the config that compares each faulty batch with the golden batch:
/// <c>code = "(value, golden) => …"</c> gives a number per batch; the result is their mean over the trial, weighted by batch
/// size, reported under <c>metric</c>.</summary>
public sealed class InlineComparisonObserver : GoldenComparison
{
    private readonly Func<Tensor, Tensor, double> _compare;
    private readonly string _metric;
    private readonly SourceLocation _at;

    internal InlineComparisonObserver(Func<Tensor, Tensor, double> compare, string metric, SourceLocation at) : base(mrfiCompat: false)
    {
        _compare = compare;
        _metric = metric;
        _at = at;
    }

    /// <inheritdoc />
    protected override double Compare(Tensor faulty, Tensor golden)
    {
        try
        {
            using var watched = SnippetWatchdog.Enter(_at, "observer");
            return _compare(faulty, golden);
        }
        catch (Exception e) when (e is not MrfiException)
        {
            throw SnippetFailure.From(e, _at, "observer");
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<ObserverMetric> Result() => [new(_metric, Mean())];
}
