namespace Mrfi.Core.Quantizers;

/// <summary>The runs of an <see cref="MXLayout"/> (start in flat order, length, block), for <c>foreach</c>: a struct, so that
/// the kernels walk a tensor without a delegate or an allocation per value.</summary>
internal struct MXRuns(MXLayout layout)
{
    private long _outer, _along = -1, _inner;
    private int _next, _block = -1;

    /// <summary>The current run.</summary>
    public (int Start, int Length, int Block) Current { get; private set; }

    /// <summary>Itself: a struct enumerates once.</summary>
    public readonly MXRuns GetEnumerator() => this;

    /// <summary>Steps to the next run; false after the last.</summary>
    public bool MoveNext()
    {
        if (layout.Count == 0) return false;
        if (layout.Inner == 1)
        {
            _along = _along < 0 ? 0 : _along + layout.Block;
            if (_along >= layout.Size) { _along = 0; _outer++; }
        }
        else if (_along < 0) _along = 0;
        else if (++_inner == layout.Inner)
        {
            _inner = 0;
            if (++_along == layout.Size) { _along = 0; _outer++; }
        }
        if (_outer >= layout.Outer) return false;
        int length = layout.Inner == 1 ? (int)Math.Min(layout.Block, layout.Size - _along) : 1;
        // Along the last dimension the blocks follow one another in memory: the next run is the next block.
        int block = layout.Inner == 1 ? ++_block : (int)(((_outer * layout.BlocksAlong) + _along / layout.Block) * layout.Inner + _inner);
        Current = (_next, length, block);
        _next += length;
        return true;
    }
}
