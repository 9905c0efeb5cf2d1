using Mrfi.Core.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Keeps the last golden and the last faulty tensor and reports their values (metrics <c>golden</c> and <c>faulty</c>,
/// index = flat position, at most <c>limit</c> each) and shape (metric <c>size</c>): for feature-map pictures of a fault.</summary>
/// <remarks>Each side has one buffer, allocated once and reused. A faulty tensor's head is copied into it at every batch (the
/// model may change that tensor later); a golden tensor from the golden cache, which never changes, is only referenced, and
/// copied once, from the last batch, when the result is asked for. The result is computed on access from a second pair of
/// buffers, also reused: it stays valid until the next call of <see cref="Result"/>.</remarks>
[MrfiComponent("SaveLast", Summary = "Values of the last golden and faulty tensors (up to limit each) and their shape.")]
public sealed class SaveLastObserver : IGoldenAwareObserver, IBorrowsGolden, IDisposable
{
    private float[] _golden = [];
    private float[] _faulty = [];
    private float[] _goldenResult = [];
    private float[] _faultyResult = [];
    private int _goldenCount, _faultyCount;
    private Tensor? _borrowed;
    private long[]? _shape;   // null until a faulty tensor is seen

    /// <summary>Creates the observer.</summary>
    /// <param name="limit">Most values reported per tensor (the first ones in row-major order).</param>
    public SaveLastObserver(int limit = 100_000)
    {
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be at least 1");
        Limit = limit;
    }

    /// <summary>Most values reported per tensor.</summary>
    public int Limit { get; }

    /// <inheritdoc />
    public void Reset()
    {
        Release();
        _goldenCount = _faultyCount = 0;
        _shape = null;
    }

    /// <inheritdoc />
    public void UpdateGolden(Tensor value)
    {
        Release();
        _goldenCount = Head(value, ref _golden);
    }

    void IBorrowsGolden.BorrowGolden(Tensor value)
    {
        Release();
        _borrowed = value.alias().DetachFromDisposeScope();
    }

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        _faultyCount = Head(value, ref _faulty);
        _shape = value.shape;
    }

    /// <summary>Copies the first values (up to <see cref="Limit"/>) into <paramref name="buffer"/>, growing it only when too
    /// small.</summary>
    private int Head(Tensor value, ref float[] buffer)
    {
        int n = (int)Math.Min(value.numel(), Limit);
        if (buffer.Length < n) buffer = GC.AllocateUninitializedArray<float>(n);
        if (n == 0) return 0;
        if (CpuKernels.TryFloats(value, out var values))
        {
            values[..n].CopyTo(buffer);
            return n;
        }
        using var scope = torch.NewDisposeScope();
        var head = value.reshape(-1).narrow(0, 0, n).to(ScalarType.Float32, CPU).contiguous();
        CpuKernels.TryMemory<float>(head, ScalarType.Float32, out var copied);
        copied.CopyTo(buffer);
        return n;
    }

    private void Release()
    {
        _borrowed?.Dispose();
        _borrowed = null;
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result()
    {
        if (_borrowed is not null)
        {
            _goldenCount = Head(_borrowed, ref _golden);
            Release();
        }
        // Before any faulty tensor: one size row of NaN without an index, as Shape (MRFI: None).
        long[]? shape = _shape is null ? null : [.. _shape];
        int sizes = shape?.Length ?? 1, g = _goldenCount, f = _faultyCount;
        var golden = Copy(_golden, g, ref _goldenResult);
        var faulty = Copy(_faulty, f, ref _faultyResult);
        return new MetricList(sizes + g + f, i =>
            i < sizes ? (shape is null ? new("size", double.NaN) : new("size", shape[i], i))
            : i < sizes + g ? new("golden", golden[i - sizes], i - sizes)
            : new("faulty", faulty[i - sizes - g], i - sizes - g));
    }

    private static float[] Copy(float[] source, int count, ref float[] target)
    {
        if (target.Length < count) target = GC.AllocateUninitializedArray<float>(count);
        Array.Copy(source, target, count);
        return target;
    }

    /// <inheritdoc />
    public void Dispose() => Release();
}
