using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>Attaches fault entries and observers to a model through forward hooks; disposing removes every
/// hook and restores clean weights. The model itself is never edited.</summary>
/// <remarks>
/// Order inside one module, as in MRFI: input faults, weight faults, input observers, forward, output
/// faults, output observers. Weight faults are transient: the clean weight is put back right after the
/// module's forward, so a disabled entry or a finished campaign never leaves corrupted weights behind
/// (MRFI does, see mrfi.md §1.9). Hooks fire only through <c>module.call(x)</c>.
/// </remarks>
public sealed class FaultInjectionSession : IDisposable
{
    private readonly List<IDisposable> _hooks = [];
    private readonly List<ModuleSite> _sites = [];
    private readonly HashSet<ObserverBinding> _saw = new(ReferenceEqualityComparer.Instance);
    private bool _disposed;

    /// <summary>Hooks <paramref name="entries"/> (enabled ones) and <paramref name="observers"/> into <paramref name="model"/>.</summary>
    public FaultInjectionSession(nn.Module model, IReadOnlyList<FaultEntry> entries, IReadOnlyList<ObserverBinding> observers)
    {
        var names = entries.Where(e => e.Enabled).SelectMany(e => e.Modules)
            .Concat(observers.Select(o => o.Module)).Distinct().ToList();
        foreach (var (name, module) in ModuleMatcher.All(model).Where(m => names.Contains(m.Name)))
        {
            var site = new ModuleSite(this, name, module,
                [.. entries.Where(e => e.Enabled && e.Modules.Contains(name))],
                [.. observers.Where(o => o.Module == name)]);
            _sites.Add(site);
            _hooks.AddRange(site.Attach());
        }
        Observers = observers;
    }

    /// <summary>What the hooks do in the next forwards.</summary>
    public InjectionMode Mode { get; set; } = InjectionMode.Faulty;

    /// <summary>Per-sample weight faults as a sparse correction (true) or as a forward of the layer per faulty sample (false).</summary>
    public bool Batched { get; set; } = true;

    /// <summary>Whether observers see the next forwards.</summary>
    public bool ObserversActive { get; set; } = true;

    /// <summary>The seed of the current trial; every site draws from its own stream derived from it.</summary>
    public long TrialSeed { get; private set; }

    /// <summary>Faults injected since the last reset of this counter.</summary>
    public long FaultCount { get; set; }

    /// <summary>The observers attached, one per module.</summary>
    public IReadOnlyList<ObserverBinding> Observers { get; }

    /// <summary>Whether any observer needs a golden run before each faulty run.</summary>
    public bool NeedsGoldenPerBatch => Observers.Any(o => o.Observer is IGoldenAwareObserver);

    /// <summary>Whether every injected fault is recorded in <see cref="Faults"/> (for faults.parquet).</summary>
    public bool RecordFaults { get; set; }

    /// <summary>Faults recorded since the trial began.</summary>
    public List<Injection.FaultRecord> Faults { get; } = [];

    /// <summary>The current trial's number, for fault records.</summary>
    public long Trial { get; set; }

    /// <summary>The current batch within the trial, for fault records.</summary>
    public int Batch { get; set; }

    /// <summary>The campaign seed, from which campaign-scope permanent faults are drawn.</summary>
    public long CampaignSeed { get; set; }

    /// <summary>Starts a trial: sets its seed, resets every observer, restarts every site's random stream and forgets
    /// trial-scope permanent faults.</summary>
    public void BeginTrial(long trialSeed = 0)
    {
        TrialSeed = trialSeed;
        Faults.Clear();
        _saw.Clear();
        foreach (var o in Observers) o.Observer.Reset();
        foreach (var site in _sites) site.BeginTrial();
    }

    /// <summary>Whether <paramref name="binding"/> saw a faulty forward of its module since the trial began; one that did not
    /// (a module the model's forward never calls) has measured nothing, whatever its observer reports.</summary>
    public bool Saw(ObserverBinding binding) => _saw.Contains(binding);

    /// <summary>Golden runs record the last injecting layer's outputs into it; faulty runs stop there when they match.</summary>
    public EarlyExit? EarlyExit { get; set; }

    /// <summary>Batches whose faulty forward stopped early since the last reset of this counter.</summary>
    public long EarlyExits { get; set; }

    /// <summary>When set, golden runs record what golden-aware observers would see into this cache instead of feeding them.</summary>
    public GoldenCache? GoldenCapture { get; set; }

    internal void Notify(IReadOnlyList<ObserverBinding> observers, Tensor value)
    {
        if (!ObserversActive || Mode == InjectionMode.Float) return;
        foreach (var o in observers)
        {
            // Golden runs feed only the observers that compare against them; every observer sees faulty runs.
            if (Mode == InjectionMode.Faulty)
            {
                o.Observer.Update(value);
                _saw.Add(o);
            }
            else if (o.Observer is IGoldenAwareObserver g)
            {
                if (GoldenCapture is { } capture) capture.Add(g, value);
                else g.UpdateGolden(value);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var hook in _hooks) hook.Dispose();
        foreach (var site in _sites) site.Dispose();
    }
}
