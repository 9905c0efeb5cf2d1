using System.Collections;

namespace Mrfi.Core.Observers;

/// <summary>SaveLast's result as a list computed on access: the shape ("size" per dimension), then the golden and the faulty
/// values, from copies taken when the result was asked for, so it stays valid while the observer goes on.</summary>
internal sealed class SavedValues(long[] shape, float[] golden, float[] faulty) : IReadOnlyList<ObserverMetric>
{
    public int Count => shape.Length + golden.Length + faulty.Length;

    public ObserverMetric this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            if (index < shape.Length) return new("size", shape[index], index);
            index -= shape.Length;
            if (index < golden.Length) return new("golden", golden[index], index);
            index -= golden.Length;
            if (index < faulty.Length) return new("faulty", faulty[index], index);
            throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    public IEnumerator<ObserverMetric> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
