using static TorchSharp.torch;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Injection;

/// <summary>Everything a session does at one module, through its two hooks: the activation and weight faults (each their
/// own part, drawing from the site's streams), the observers, and the early exit.</summary>
/// <remarks>Order inside the module, as in MRFI: input faults, weight faults, input observers, forward, per-sample weight
/// corrections, clean input and weights back, output faults, output observers.</remarks>
internal sealed class ModuleSite : IDisposable
{
    private readonly FaultInjectionSession _session;
    private readonly string _name;
    private readonly nn.Module _module;
    private readonly SiteInjector _injector;
    private readonly ActivationFaults _activations;
    private readonly WeightFaults _weights;
    private readonly ObserverBinding[] _pre;
    private readonly ObserverBinding[] _after;

    public ModuleSite(FaultInjectionSession session, string name, nn.Module module, IReadOnlyList<FaultEntry> entries,
        IReadOnlyList<ObserverBinding> observers)
    {
        _session = session;
        _name = name;
        _module = module;
        _injector = new SiteInjector(session, name, entries);
        _weights = new WeightFaults(_injector, module, entries);
        _activations = new ActivationFaults(_injector, module, entries);
        _pre = [.. observers.Where(o => o.Position == ObservePosition.Pre)];
        _after = [.. observers.Where(o => o.Position == ObservePosition.After)];
    }

    public IEnumerable<IDisposable> Attach()
    {
        if (_module is not nn.Module<Tensor, Tensor> hookable)
            throw new MrfiException($"module '{_name}' ({_module.GetType().Name}) does not map one tensor to one tensor, so mrfi cannot " +
                $"hook it");
        var pre = hookable.register_forward_pre_hook(PreHook);
        yield return new Remover(() => pre.remove());
        var post = hookable.register_forward_hook(PostHook);
        yield return new Remover(() => post.remove());
    }

    private Tensor PreHook(nn.Module<Tensor, Tensor> module, Tensor input)
    {
        var mode = _session.Mode;
        Tensor? replaced = null;
        _activations.UndoInput();
        if (mode != InjectionMode.Float) replaced = _activations.Input(input, mode);
        if (mode != InjectionMode.Float && _weights.Any) _weights.Inject(mode);
        if (_pre.Length > 0) Observe(_pre, replaced ?? input);
        // TorchSharp keeps the original tensor when a hook returns null.
        return replaced!;
    }

    private Tensor PostHook(nn.Module<Tensor, Tensor> module, Tensor input, Tensor output)
    {
        var mode = _session.Mode;
        Tensor? replaced = mode == InjectionMode.Faulty && _weights.PerSample ? _weights.Correct(input, output) : null;
        _activations.UndoInput();
        if (mode != InjectionMode.Float && _weights.Any) _weights.Restore();
        if (mode != InjectionMode.Float) replaced = _activations.Output(output, replaced, mode);
        if (_after.Length > 0) Observe(_after, replaced ?? output);
        if (_session.State.EarlyExit is { } exit && (_activations.Any || _weights.Any))
        {
            if (mode == InjectionMode.Golden) exit.Record(_name, replaced ?? output);
            else if (mode == InjectionMode.Faulty && exit.Matches(_name, _session.Batch, replaced ?? output)) throw new EarlyExitSignal();
        }
        return replaced!;
    }

    private void Observe(IReadOnlyList<ObserverBinding> observers, Tensor value)
    {
        try
        {
            _session.Notify(observers, value);
        }
        catch (Exception e) when (LocatedError.Rejects(e))
        {
            throw LocatedError.Of(observers.Select(o => o.Location).FirstOrDefault(l => l is not null), e,
                $"observer at module '{_name}' (shape {LocatedError.Shape(value)})");
        }
    }

    /// <summary>Restarts the random streams and forgets trial-scope positions, for the next trial.</summary>
    public void BeginTrial() => _injector.BeginTrial();

    public void Dispose()
    {
        _activations.UndoInput();
        _weights.Dispose();
        _injector.Dispose();
    }

    private sealed class Remover(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
