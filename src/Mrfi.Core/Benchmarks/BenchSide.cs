using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using static TorchSharp.torch;

namespace Mrfi.Core.Benchmarks;

/// <summary>One model of <see cref="PairedBenchmark"/>: its golden forward and a subject for each row, the observers
/// bound and their golden pass recorded once per row (as a campaign does once per sweep point).</summary>
internal sealed class BenchSide : IDisposable
{
    private readonly CampaignPlan _plan;
    private readonly IReadOnlyList<BenchScenario> _rows;
    private readonly Tensor _images;
    private readonly List<int> _faultRows;
    private readonly List<GoldenCache> _caches = [];

    public BenchSide(CampaignPlan plan, IReadOnlyList<BenchScenario> rows, Tensor images)
    {
        (_plan, _rows, _images) = (plan, rows, images);
        _faultRows = [.. rows.Select((r, i) => (r, i)).Where(x => x.r.Entry is not null).Select(x => x.i)];
        Golden = new GoldenSubject(plan.Model, images);
    }

    /// <summary>The plain forward of this model.</summary>
    public GoldenSubject Golden { get; }

    /// <summary>A fresh subject for row <paramref name="i"/>: its sweep point's entries, or its observer bound to the model.</summary>
    /// <remarks>Rows are measured one after another: the previous row's recorded golden pass (up to 1 GiB) is freed here.</remarks>
    public IBenchSubject Subject(int i)
    {
        Dispose();
        var row = _rows[i];
        if (row.Entry is not null)
            return new FaultRowSubject(_plan.Model, _plan.Points[_faultRows.IndexOf(i)].Entries, _images);
        var bindings = _plan.Observers.First(o => o.Method == row.Observer).Bind().ToList();
        var cache = InjectionBenchmark.Capture(bindings, _plan.Model, _images, InjectionBenchmark.CacheLimit);
        if (cache is not null) _caches.Add(cache);
        return new ObserverRowSubject(_plan.Model, bindings, cache, _images);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var cache in _caches) cache.Dispose();
        _caches.Clear();
    }
}
