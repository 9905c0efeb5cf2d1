using System.Buffers;
using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>The clean values that faults written into a tensor in place overwrote (inputs, weights), put back after the
/// forward, latest first so that overlapping entries unwind; held as tensors (tensor path) or pooled arrays (fused CPU path).</summary>
internal sealed class UndoLog
{
    private readonly List<(Tensor? Index, Tensor? Values, long[]? Positions, float[]? Clean, int Count)> _entries = [];

    public bool IsEmpty => _entries.Count == 0;

    public void Add(Tensor index, Tensor values) =>
        _entries.Add((index.clone().DetachFromDisposeScope(), values.clone().DetachFromDisposeScope(), null, null, 0));

    public void Add(ReadOnlySpan<long> positions, ReadOnlySpan<float> clean)
    {
        var p = ArrayPool<long>.Shared.Rent(Math.Max(1, positions.Length));
        var c = ArrayPool<float>.Shared.Rent(Math.Max(1, clean.Length));
        positions.CopyTo(p);
        clean.CopyTo(c);
        _entries.Add((null, null, p, c, positions.Length));
    }

    /// <summary>Writes every logged value back into <paramref name="target"/> and forgets them.</summary>
    public void Restore(Tensor target)
    {
        using (var flat = target.view(-1))
        {
            Span<float> span = default;
            // The memory whatever the kernel switch says now: the fused path logged these values from it.
            bool managed = _entries.Any(e => e.Positions is not null) && CpuKernels.TryMemory(flat, ScalarType.Float32, out span);
            for (int i = _entries.Count - 1; i >= 0; i--)
            {
                var (index, values, positions, clean, count) = _entries[i];
                if (index is not null) flat.index_put_(values!, index);
                else if (managed)
                    for (int k = 0; k < count; k++) span[(int)positions![k]] = clean![k];
                else
                {
                    using var idx = CpuKernels.LongTensor(positions.AsSpan(0, count));
                    using var v = CpuKernels.FloatTensor(clean.AsSpan(0, count));
                    flat.index_put_(v, idx);
                }
            }
        }
        Clear();
    }

    public void Clear()
    {
        foreach (var (index, values, positions, clean, _) in _entries)
        {
            index?.Dispose();
            values?.Dispose();
            if (positions is not null) ArrayPool<long>.Shared.Return(positions);
            if (clean is not null) ArrayPool<float>.Shared.Return(clean);
        }
        _entries.Clear();
    }
}
