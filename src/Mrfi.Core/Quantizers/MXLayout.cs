namespace Mrfi.Core.Quantizers;

/// <summary>Where the MX blocks of a tensor lie: <see cref="Outer"/> slices before the block dimension, <see cref="Size"/>
/// values along it (cut into blocks of <see cref="Block"/>), <see cref="Inner"/> values after it.</summary>
/// <remarks>Blocks are numbered as the scale tensor's elements (the tensor's shape with the block dimension divided by the
/// block size, rounded up), so a value's block is computed, not stored: a campaign's tensors need no index array.</remarks>
internal readonly record struct MXLayout(long Outer, long Size, long Inner, int Block)
{
    /// <summary>Blocks along the block dimension.</summary>
    public long BlocksAlong => (Size + Block - 1) / Block;

    /// <summary>Values in the tensor.</summary>
    public long Count => Outer * Size * Inner;

    /// <summary>Blocks in the tensor (elements of the scale tensor).</summary>
    public long Blocks => Outer * BlocksAlong * Inner;

    /// <summary>The block of the value at flat position <paramref name="i"/>.</summary>
    public int BlockOf(long i)
    {
        long c = i / Inner % Size, outer = i / (Inner * Size);
        return (int)(((outer * BlocksAlong) + c / Block) * Inner + i % Inner);
    }

    /// <summary>The blocks as runs in memory, for blocks along the last dimension (<see cref="Inner"/> = 1).</summary>
    public MXRuns Runs() => Inner == 1 ? new(this) : throw new InvalidOperationException("blocks across rows are not runs");
}
