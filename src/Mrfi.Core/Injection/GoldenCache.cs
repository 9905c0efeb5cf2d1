using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>The golden tensors that golden-aware observers saw during a sweep point's golden pass, batch by batch and in
/// hook order, so each trial replays them instead of running a second (golden) forward per batch.</summary>
/// <remarks>Replaying in the recorded order gives every observer exactly the calls the per-trial golden forward would
/// have made. Past <see cref="LimitBytes"/> the cache gives up (and frees what it held) and trials fall back to that forward.</remarks>
public sealed class GoldenCache : IDisposable
{
    private readonly List<List<(IGoldenAwareObserver Observer, Tensor Value)>> _batches = [];
    private long _bytes;

    /// <summary>Creates a cache that holds at most <paramref name="limitBytes"/> bytes.</summary>
    public GoldenCache(long limitBytes) => LimitBytes = limitBytes;

    /// <summary>Most bytes of tensors kept.</summary>
    public long LimitBytes { get; }

    /// <summary>Whether the golden pass fitted in the limit, so trials can replay it.</summary>
    public bool Usable { get; private set; } = true;

    /// <summary>Bytes held.</summary>
    public long Bytes => _bytes;

    /// <summary>Starts recording the next batch.</summary>
    public void NextBatch() => _batches.Add([]);

    internal void Add(IGoldenAwareObserver observer, Tensor value)
    {
        if (!Usable) return;
        long size = value.numel() * value.element_size();
        if (_bytes + size > LimitBytes)
        {
            Usable = false;
            Dispose();
            return;
        }
        _bytes += size;
        _batches[^1].Add((observer, value.detach().clone().DetachFromDisposeScope()));
    }

    /// <summary>Feeds batch <paramref name="batch"/>'s golden tensors to their observers, in the order they were seen.</summary>
    public void Replay(int batch)
    {
        foreach (var (observer, value) in _batches[batch]) Feed(observer, value);
    }

    /// <summary>Replays batch <paramref name="batch"/> into another session's observers: <paramref name="map"/> gives, for each
    /// observer that recorded, its counterpart (a worker's copy of the same binding).</summary>
    public void Replay(int batch, IReadOnlyDictionary<IGoldenAwareObserver, IGoldenAwareObserver> map)
    {
        foreach (var (observer, value) in _batches[batch]) Feed(map[observer], value);
    }

    /// <summary>The cache's tensors never change, so built-in observers keep them by reference rather than copying them.</summary>
    private static void Feed(IGoldenAwareObserver observer, Tensor value)
    {
        if (observer is Observers.IBorrowsGolden borrower) borrower.BorrowGolden(value);
        else observer.UpdateGolden(value);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var batch in _batches)
            foreach (var (_, value) in batch) value.Dispose();
        _batches.Clear();
        _bytes = 0;
    }
}
