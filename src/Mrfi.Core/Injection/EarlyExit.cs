using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>Early exit for campaigns without observers: the golden output, batch by batch, of the last layer that injects
/// (recorded in the point's golden pass). A faulty forward whose output there equals it would give the golden logits,
/// so it stops at that layer and the batch counts as masked.</summary>
/// <remarks>The last injecting layer is the last one to fire in the first golden batch; a layer that fires twice per
/// forward (a module called twice) turns early exit off, as does going past <see cref="LimitBytes"/>.</remarks>
public sealed class EarlyExit(long limitBytes) : IDisposable
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, Tensor> _first = [];
    private readonly List<Tensor> _golden = [];
    private int _batch = -1;
    private long _bytes;

    /// <summary>Most bytes of golden outputs kept.</summary>
    public long LimitBytes { get; } = limitBytes;

    /// <summary>The layer where faulty forwards may stop, once known.</summary>
    public string? Site { get; private set; }

    /// <summary>Whether trials can use it.</summary>
    public bool Usable { get; private set; } = true;

    /// <summary>Starts recording the next golden batch.</summary>
    public void NextBatch()
    {
        if (_batch == 0) Decide();
        _batch++;
    }

    /// <summary>Ends the golden pass.</summary>
    public void Finish()
    {
        if (_batch == 0) Decide();
        if (Site is null) Usable = false;
    }

    internal void Record(string site, Tensor output)
    {
        if (!Usable || _batch < 0) return;
        if (_batch == 0)
        {
            if (_first.ContainsKey(site)) { Off(); return; }
            _order.Add(site);
            _first[site] = Keep(output);
        }
        else if (site == Site) _golden.Add(Keep(output));
    }

    /// <summary>Whether <paramref name="output"/> of <paramref name="site"/> in batch <paramref name="batch"/> is exactly the golden
    /// one.</summary>
    internal bool Matches(string site, int batch, Tensor output)
    {
        if (!Usable || site != Site || batch >= _golden.Count) return false;
        var golden = _golden[batch];
        return golden.shape.SequenceEqual(output.shape) && output.eq(golden).all().item<bool>();
    }

    private Tensor Keep(Tensor output)
    {
        _bytes += output.numel() * output.element_size();
        if (_bytes > LimitBytes) Usable = false;
        return output.detach().clone().DetachFromDisposeScope();
    }

    private void Decide()
    {
        Site = _order.LastOrDefault();
        foreach (var (site, tensor) in _first)
        {
            if (site == Site && Usable) _golden.Add(tensor);
            else tensor.Dispose();
        }
        _first.Clear();
        _bytes = _golden.Sum(t => t.numel() * t.element_size());
    }

    private void Off()
    {
        Usable = false;
        Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in _first.Values) t.Dispose();
        foreach (var t in _golden) t.Dispose();
        _first.Clear();
        _golden.Clear();
    }
}
