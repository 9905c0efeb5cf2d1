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
    private readonly List<FaultRecord> _faults = [];
    private ForwardState _forward = ForwardState.Default;
    private long _faultCount;
    private bool _disposed;

    /// <summary>Hooks <paramref name="entries"/> (enabled ones) and <paramref name="observers"/> into <paramref name="model"/>.</summary>
    public FaultInjectionSession(nn.Module model, IReadOnlyList<FaultEntry> entries, IReadOnlyList<ObserverBinding> observers,
        SessionOptions? options = null)
    {
        Options = options ?? new SessionOptions();
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

    /// <summary>What the session was set up with.</summary>
    public SessionOptions Options { get; }

    /// <summary>What the hooks do in the current forwards (faulty outside any <see cref="Forward(ForwardState)"/> scope).</summary>
    public ForwardState State => _forward;

    /// <summary>The current forwards' mode.</summary>
    public InjectionMode Mode => _forward.Mode;

    /// <summary>The current batch within the trial, for fault records.</summary>
    public int Batch => _forward.Batch;

    /// <summary>The seed of the current trial; every site draws from its own stream derived from it.</summary>
    public long TrialSeed { get; private set; }

    /// <summary>The current trial's number, for fault records.</summary>
    public long Trial { get; private set; }

    /// <summary>Faults injected since the trial began.</summary>
    public long FaultCount => _faultCount;

    /// <summary>Faults recorded since the trial began (when <see cref="SessionOptions.RecordFaults"/>).</summary>
    public IReadOnlyList<FaultRecord> Faults => _faults;

    /// <summary>The observers attached, one per module.</summary>
    public IReadOnlyList<ObserverBinding> Observers { get; }

    /// <summary>Whether any observer needs a golden run before each faulty run.</summary>
    public bool NeedsGoldenPerBatch => Observers.Any(o => o.Observer is IGoldenAwareObserver);

    /// <summary>Starts trial <paramref name="trial"/>: sets its seed, resets every observer and the fault counters, restarts
    /// every site's random stream and forgets trial-scope permanent faults.</summary>
    public void BeginTrial(long trialSeed = 0, long trial = 0)
    {
        TrialSeed = trialSeed;
        Trial = trial;
        _faultCount = 0;
        _faults.Clear();
        _saw.Clear();
        foreach (var o in Observers) o.Observer.Reset();
        foreach (var site in _sites) site.BeginTrial();
    }

    /// <summary>What the trial injected: the count and, when recorded, every fault.</summary>
    public TrialFaults EndTrial() => new(_faultCount, [.. _faults]);

    /// <summary>Runs the forwards of the returned scope as <paramref name="state"/> says; disposing it puts back the state
    /// before.</summary>
    public ForwardScope Forward(ForwardState state)
    {
        var before = _forward;
        _forward = state;
        return new ForwardScope(this, before);
    }

    /// <summary>Forwards in <paramref name="mode"/> that observers see, until the returned scope is disposed.</summary>
    public ForwardScope Forward(InjectionMode mode) => Forward(new ForwardState(mode));

    /// <summary>Whether <paramref name="binding"/> saw a faulty forward of its module since the trial began; one that did not
    /// (a module the model's forward never calls) has measured nothing, whatever its observer reports.</summary>
    public bool Saw(ObserverBinding binding) => _saw.Contains(binding);

    /// <summary>Counts faults a site injected in this trial.</summary>
    internal void Count(long faults) => _faultCount += faults;

    /// <summary>Records one injected fault of this trial.</summary>
    internal void Record(FaultRecord fault) => _faults.Add(fault);

    /// <summary>Puts back the forward state a scope replaced.</summary>
    internal void Restore(ForwardState state) => _forward = state;

    internal void Notify(IReadOnlyList<ObserverBinding> observers, Tensor value)
    {
        if (!_forward.Observe || Mode == InjectionMode.Float) return;
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
                if (_forward.Capture is { } capture) capture.Add(g, value);
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
