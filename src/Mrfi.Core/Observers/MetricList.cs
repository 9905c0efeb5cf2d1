using System.Collections;

namespace Mrfi.Core.Observers;

/// <summary>An observer's result computed on access from values it copied when the result was asked for: large vector
/// results (SaveLast, UniformSampling) then cost a copy of their numbers into a reused buffer, not a list of records.</summary>
internal sealed class MetricList(int count, Func<int, ObserverMetric> at) : IReadOnlyList<ObserverMetric>
{
    public int Count => count;

    public ObserverMetric this[int index] => (uint)index < (uint)count ? at(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<ObserverMetric> GetEnumerator()
    {
        for (int i = 0; i < count; i++) yield return at(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
