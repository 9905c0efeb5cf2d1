using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>Keeps the last golden and the last faulty tensor and reports their values (metrics <c>golden</c> and <c>faulty</c>,
/// index = flat position, at most <c>limit</c> each) and shape (metric <c>size</c>): for feature-map pictures of a fault.</summary>
[MrfiComponent("SaveLast", Summary = "Values of the last golden and faulty tensors (up to limit each) and their shape.")]
public sealed class SaveLastObserver : IGoldenAwareObserver
{
    private float[] _golden = [];
    private float[] _faulty = [];
    private long[]? _shape;

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
        _golden = [];
        _faulty = [];
        _shape = null;
    }

    /// <inheritdoc />
    public void UpdateGolden(Tensor value) => _golden = Head(value);

    /// <inheritdoc />
    public void Update(Tensor value)
    {
        _faulty = Head(value);
        _shape = value.shape;
    }

    private float[] Head(Tensor value)
    {
        using var scope = torch.NewDisposeScope();
        var flat = value.reshape(-1);
        return flat.narrow(0, 0, Math.Min(flat.numel(), Limit)).to_type(ScalarType.Float32).cpu().data<float>().ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<ObserverMetric> Result() =>
    [
        // Before any faulty tensor: one size row of NaN without an index, as Shape (MRFI: None).
        .. _shape?.Select((s, i) => new ObserverMetric("size", s, i)) ?? [new ObserverMetric("size", double.NaN)],
        .. _golden.Select((v, i) => new ObserverMetric("golden", v, i)),
        .. _faulty.Select((v, i) => new ObserverMetric("faulty", v, i)),
    ];
}
