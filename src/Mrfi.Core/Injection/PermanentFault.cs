namespace Mrfi.Core.Injection;

/// <summary>The positions and error-model seed of a permanent (trial or campaign scope) fault at one tensor of one module.</summary>
/// <remarks>For activations the positions lie within one sample and are repeated in every sample of the batch, since a
/// permanent fault is a broken neuron, not a broken image; for weights they index the whole tensor.</remarks>
internal sealed class PermanentFault(string key, bool perSample) : IDisposable
{
    /// <summary>Stable identity of the site (entry/module/tensor), hashed into campaign-scope seeds.</summary>
    public ulong KeyHash { get; } = SiteKey.Hash(key);

    /// <summary>Whether positions are per sample (activations).</summary>
    public bool PerSample { get; } = perSample;

    /// <summary>Flat positions, distinct and ascending (within one sample when <see cref="PerSample"/>), or null before the first
    /// draw.</summary>
    public long[]? Positions { get; set; }

    /// <summary>Seed of the error model's draws, the same in every forward.</summary>
    public ulong Seed { get; set; }

    public void Clear() => Positions = null;

    public void Dispose() => Clear();

}
