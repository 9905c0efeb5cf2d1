namespace Mrfi.Core.Quantizers;

/// <summary>The blocks of an <see cref="MXLayout"/> whose blocks run along the last dimension (<c>Inner</c> = 1), in memory
/// order, for <c>foreach</c>: each a run of values [Start, End) and its block number (blocks follow one another in memory,
/// so the number counts up). A struct, so that the kernels walk a tensor without a delegate or an allocation per block.</summary>
internal struct MXRuns(MXLayout layout)
{
    private readonly int _size = (int)layout.Size, _block = layout.Block, _count = (int)layout.Count;
    private int _row, _along = -layout.Block, _number = -1;

    /// <summary>The current block.</summary>
    public (int Start, int End, int Block) Current { get; private set; }

    /// <summary>Itself: a struct enumerates once.</summary>
    public readonly MXRuns GetEnumerator() => this;

    /// <summary>Steps to the next block; false after the last.</summary>
    public bool MoveNext()
    {
        _along += _block;
        if (_along >= _size)
        {
            _along = 0;
            _row += _size;
        }
        if (_row >= _count || _size == 0) return false;
        int start = _row + _along;
        Current = (start, _row + Math.Min(_along + _block, _size), ++_number);
        return true;
    }
}
