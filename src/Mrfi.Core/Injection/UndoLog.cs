using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>The clean values that in-place input faults overwrote, put back after the forward, latest first so that
/// overlapping entries unwind; held as tensors (tensor path) or managed arrays (fused CPU path).</summary>
internal sealed class UndoLog
{
    private readonly List<(Tensor? Index, Tensor? Values, long[]? Positions, float[]? Clean)> _entries = [];

    public bool IsEmpty => _entries.Count == 0;

    public void Add(Tensor index, Tensor values) =>
        _entries.Add((index.clone().DetachFromDisposeScope(), values.clone().DetachFromDisposeScope(), null, null));

    public void Add(ReadOnlySpan<long> positions, ReadOnlySpan<float> clean) => _entries.Add((null, null, positions.ToArray(), clean.ToArray()));

    /// <summary>Writes every logged value back into <paramref name="target"/> and forgets them.</summary>
    public void Restore(Tensor target)
    {
        using (var flat = target.view(-1))
        {
            Span<float> span = default;
            bool managed = _entries.Any(e => e.Positions is not null) && CpuKernels.TryMemory(flat, ScalarType.Float32, out span);
            for (int i = _entries.Count - 1; i >= 0; i--)
            {
                var (index, values, positions, clean) = _entries[i];
                if (index is not null) flat.index_put_(values!, index);
                else if (managed)
                    for (int k = 0; k < positions!.Length; k++) span[(int)positions[k]] = clean![k];
                else
                {
                    using var idx = CpuKernels.LongTensor(positions);
                    using var v = CpuKernels.FloatTensor(clean);
                    flat.index_put_(v, idx);
                }
            }
        }
        Clear();
    }

    public void Clear()
    {
        foreach (var (index, values, _, _) in _entries)
        {
            index?.Dispose();
            values?.Dispose();
        }
        _entries.Clear();
    }
}
