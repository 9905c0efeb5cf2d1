namespace Mrfi.Core.Observers;

/// <summary>A copy of float32 values in 64 KB chunks: chunks stay off the large-object heap, so a result copied per trial is
/// young garbage that a cheap collection frees, rather than large objects that wait for a full one.</summary>
internal sealed class FloatSnapshot
{
    private const int Shift = 14;
    private const int ChunkLength = 1 << Shift;
    private readonly float[][] _chunks;

    public FloatSnapshot(ReadOnlySpan<float> values)
    {
        Count = values.Length;
        _chunks = new float[(values.Length + ChunkLength - 1) >> Shift][];
        for (int c = 0; c < _chunks.Length; c++)
            _chunks[c] = values.Slice(c << Shift, Math.Min(ChunkLength, values.Length - (c << Shift))).ToArray();
    }

    public int Count { get; }

    public float this[int index] => _chunks[index >> Shift][index & (ChunkLength - 1)];
}
