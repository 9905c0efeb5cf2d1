using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>The random state of one module site: a stream per entry and tensor for the current trial, and the positions of
/// permanent (trial or campaign scope) faults.</summary>
/// <remarks>Each stream is seeded from the trial seed and the site's key (entry/module/tensor), so its draws do not depend
/// on what other sites drew before it.</remarks>
internal sealed class SiteStreams : IDisposable
{
    private readonly string _module;
    private readonly Dictionary<(FaultEntry, string), PermanentFault> _permanent = [];
    private readonly Dictionary<(FaultEntry, string), Generator> _streams = [];

    /// <summary>Sets up the permanent faults of <paramref name="entries"/> at module <paramref name="module"/>.</summary>
    public SiteStreams(string module, IReadOnlyList<FaultEntry> entries)
    {
        _module = module;
        foreach (var entry in entries.Where(e => e.Scope != SelectorScope.Forward))
        {
            if (entry.Target == InjectionTarget.Weight)
                foreach (var pname in entry.Parameters)
                    _permanent[(entry, pname)] = new PermanentFault($"{entry.Name}/{module}/{pname}", perSample: false);
            else
            {
                string slot = entry.Target == InjectionTarget.Activation ? "in" : "out";
                _permanent[(entry, slot)] = new PermanentFault($"{entry.Name}/{module}/{slot}", perSample: true);
            }
        }
    }

    /// <summary>The permanent fault of <paramref name="entry"/> at tensor <paramref name="slot"/>, or null for forward scope.</summary>
    public PermanentFault? Permanent(FaultEntry entry, string slot) => _permanent.GetValueOrDefault((entry, slot));

    /// <summary>The random stream of one entry at one tensor of this module for the trial seeded <paramref name="trialSeed"/>.</summary>
    public Generator Stream(FaultEntry entry, string slot, long trialSeed)
    {
        if (!_streams.TryGetValue((entry, slot), out var stream))
        {
            stream = new Generator(TrialSeeds.Stream(trialSeed, SiteKey.Hash($"{entry.Name}/{_module}/{slot}")));
            _streams[(entry, slot)] = stream;
        }
        return stream;
    }

    /// <summary>Restarts the random streams and forgets trial-scope positions, for the next trial.</summary>
    public void BeginTrial()
    {
        foreach (var stream in _streams.Values) stream.Dispose();
        _streams.Clear();
        foreach (var ((entry, _), fault) in _permanent)
            if (entry.Scope == SelectorScope.Trial) fault.Clear();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var fault in _permanent.Values) fault.Dispose();
        foreach (var stream in _streams.Values) stream.Dispose();
    }
}
