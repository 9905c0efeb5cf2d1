using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>Everything a session does at one module: its entries by target, its observers, and clean copies of its faulted weights.</summary>
internal sealed class ModuleSite : IDisposable
{
    private readonly FaultInjectionSession _session;
    private readonly string _name;
    private readonly nn.Module _module;
    private readonly FaultEntry[] _inputs;
    private readonly FaultEntry[] _outputs;
    private readonly (FaultEntry Entry, Parameter Parameter)[] _weights;
    private readonly (FaultEntry Entry, Parameter Parameter, PerSampleWeights Faults)[] _perSample;
    // Keyed by reference: TorchSharp's Tensor.Equals compares values, so a weight holding a NaN (a flipped FP8 word) would
    // no longer find itself.
    private readonly Dictionary<Parameter, Tensor> _clean = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Parameter, UndoLog> _weightUndo = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Parameter> _rewritten;
    private readonly Dictionary<Parameter, string> _parameterNames;
    private readonly Dictionary<(FaultEntry, string), PermanentFault> _permanent = [];
    private readonly Dictionary<(FaultEntry, string), Generator> _streams = [];
    private readonly bool _inputInPlace;
    private readonly bool _injects;
    private readonly UndoLog _undo = new();
    private Tensor? _faultedInput;
    private readonly ObserverBinding[] _pre;
    private readonly ObserverBinding[] _after;

    public ModuleSite(FaultInjectionSession session, string name, nn.Module module, IReadOnlyList<FaultEntry> entries, IReadOnlyList<ObserverBinding> observers)
    {
        _session = session;
        _name = name;
        _module = module;
        _inputs = [.. entries.Where(e => e.Target == InjectionTarget.Activation)];
        _outputs = [.. entries.Where(e => e.Target == InjectionTarget.ActivationOut)];
        var parameters = module.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter);
        _parameterNames = new(parameters.ToDictionary(p => p.Value, p => p.Key), ReferenceEqualityComparer.Instance);
        var weights = new List<(FaultEntry, Parameter)>();
        var perSample = new List<(FaultEntry, Parameter, PerSampleWeights)>();
        foreach (var entry in entries.Where(e => e.Target == InjectionTarget.Weight))
        {
            foreach (var pname in entry.Parameters)
            {
                if (!parameters.TryGetValue(pname, out var p))
                    throw new MrfiException($"error: fault entry '{entry.Name}': module '{name}' ({module.GetType().Name}) has no parameter '{pname}'. It has: {(parameters.Count == 0 ? "none" : string.Join(", ", parameters.Keys))}");
                if (!_clean.ContainsKey(p))
                {
                    _clean[p] = p.detach().clone().DetachFromDisposeScope();
                    _weightUndo[p] = new UndoLog();
                }
                if (entry.PerSample) perSample.Add((entry, p, new PerSampleWeights(entry, module, p, _clean[p], name)));
                else weights.Add((entry, p));
            }
        }
        _weights = [.. weights];
        _perSample = [.. perSample];
        // Layer-wise quantization rewrites the whole weight, which the clean copy then replaces at every forward.
        _rewritten = new(weights.Select(w => (w.Item1, w.Item2)).Concat(perSample.Select(p => (p.Item1, p.Item2))).Where(w => Rewrites(w.Item1)).Select(w => w.Item2),
            ReferenceEqualityComparer.Instance);
        foreach (var entry in entries.Where(e => e.Scope != SelectorScope.Forward))
        {
            if (entry.Target == InjectionTarget.Weight)
                foreach (var pname in entry.Parameters) _permanent[(entry, pname)] = new PermanentFault($"{entry.Name}/{name}/{pname}", perSample: false);
            else
            {
                string slot = entry.Target == InjectionTarget.Activation ? "in" : "out";
                _permanent[(entry, slot)] = new PermanentFault($"{entry.Name}/{name}/{slot}", perSample: true);
            }
        }
        // Conv2d and Linear never return a view of their input, so faults can go into the input itself and be undone after
        // the forward (a few values) instead of into a copy of the whole activation; layer-wise quantization rewrites every value, so it still copies.
        _injects = _inputs.Length + _outputs.Length + _weights.Length + _perSample.Length > 0;
        _inputInPlace = module is Conv2d or Linear && _inputs.All(e => e.Quantizer is null || !e.Layerwise);
        _pre = [.. observers.Where(o => o.Position == ObservePosition.Pre)];
        _after = [.. observers.Where(o => o.Position == ObservePosition.After)];
    }

    public IEnumerable<IDisposable> Attach()
    {
        if (_module is not nn.Module<Tensor, Tensor> hookable)
            throw new MrfiException($"error: module '{_name}' ({_module.GetType().Name}) does not map one tensor to one tensor, so mrfi cannot hook it");
        var pre = hookable.register_forward_pre_hook(PreHook);
        yield return new Remover(() => pre.remove());
        var post = hookable.register_forward_hook(PostHook);
        yield return new Remover(() => post.remove());
    }

    private Tensor PreHook(nn.Module<Tensor, Tensor> module, Tensor input)
    {
        var mode = _session.Mode;
        Tensor? replaced = null;
        UndoInput();
        if (mode != InjectionMode.Float && _inputs.Length > 0)
        {
            // Never leave faults in the producer's tensor: MRFI does, which leaks them into skip connections and into the
            // caller's input (mrfi.md §1.10). Either a copy, or the input itself with its clean values put back after the forward.
            bool inPlace = _inputInPlace && input.is_contiguous();
            using var contiguous = inPlace ? null : input.contiguous();
            // A copy: the first entry writes it (in the same pass as its quantization, where the kernels can).
            var target = inPlace ? input : torch.empty_like(contiguous!);
            // Marked first: should a later entry throw, the values the earlier ones wrote still go back into the caller's tensor.
            if (inPlace) _faultedInput = input;
            for (int i = 0; i < _inputs.Length; i++)
                _session.Count(Inject(target, _inputs[i], mode, "in", "input", inPlace ? _undo : null, i == 0 ? contiguous : null));
            if (!inPlace) replaced = target;
        }
        if (mode != InjectionMode.Float && _weights.Length + _perSample.Length > 0)
        {
            using var noGrad = torch.no_grad();
            // Layer-wise quantization rewrites the whole weight, which the clean copy then replaces; other entries change a few
            // values, which are logged and put back.
            foreach (var (entry, parameter) in _weights)
                _session.Count(Inject(parameter, entry, mode, ParameterName(parameter), $"parameter '{ParameterName(parameter)}'", Rewrites(entry) ? null : _weightUndo[parameter]));
            // Per-sample entries only quantize here (as a golden run does); their faults become a correction after the forward.
            foreach (var (entry, parameter, _) in _perSample)
                if (Rewrites(entry)) Inject(parameter, entry, InjectionMode.Golden, "weight", "parameter 'weight'");
        }
        if (_pre.Length > 0) Observe(_pre, replaced ?? input);
        // TorchSharp keeps the original tensor when a hook returns null.
        return replaced!;
    }

    private Tensor PostHook(nn.Module<Tensor, Tensor> module, Tensor input, Tensor output)
    {
        var mode = _session.Mode;
        Tensor? replaced = null;
        if (mode == InjectionMode.Faulty && _perSample.Length > 0)
        {
            // Corrections use the input the layer saw, input faults included, so they run before the input is put back.
            replaced = output.contiguous().clone();
            foreach (var (entry, _, faults) in _perSample) _session.Count(PerSample(faults, entry, input, replaced));
        }
        UndoInput();
        if (mode != InjectionMode.Float && _weights.Length + _perSample.Length > 0) Restore();
        if (mode != InjectionMode.Float && _outputs.Length > 0)
        {
            using var contiguous = replaced is null ? output.contiguous() : null;
            replaced ??= torch.empty_like(contiguous!);
            for (int i = 0; i < _outputs.Length; i++)
                _session.Count(Inject(replaced, _outputs[i], mode, "out", "output", source: i == 0 ? contiguous : null));
        }
        if (_after.Length > 0) Observe(_after, replaced ?? output);
        if (_session.State.EarlyExit is { } exit && _injects)
        {
            if (mode == InjectionMode.Golden) exit.Record(_name, replaced ?? output);
            else if (mode == InjectionMode.Faulty && exit.Matches(_name, _session.Batch, replaced ?? output)) throw new EarlyExitSignal();
        }
        return replaced!;
    }

    /// <summary>Puts back the clean input values written by in-place input faults (latest first, so overlapping entries unwind).</summary>
    private void UndoInput()
    {
        if (_faultedInput is null) return;
        _undo.Restore(_faultedInput);
        _faultedInput = null;
    }

    /// <summary>Runs one entry on one tensor; a component that rejects the tensor (a position outside its shape, a bit
    /// list of the wrong length) becomes a user error naming the entry, the module and the tensor.</summary>
    private long Inject(Tensor tensor, FaultEntry entry, InjectionMode mode, string slot, string what, UndoLog? undo = null, Tensor? source = null)
    {
        try
        {
            (string, string)? record = _session.Options.RecordFaults ? (_name, slot switch { "in" => "input", "out" => "output", _ => slot }) : null;
            return TensorInjector.Apply(tensor, entry, mode, _session, Stream(entry, slot), Permanent(entry, slot), record, undo, source);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            string message = $"fault entry '{entry.Name}' at module '{_name}' ({what}, shape [{string.Join(",", tensor.shape)}]): {FirstLine(e.Message)}";
            throw Located(entry, e) is { } at ? MrfiException.At(at, message) : new MrfiException($"error: {message}", e);
        }
    }

    private long PerSample(PerSampleWeights faults, FaultEntry entry, Tensor input, Tensor output)
    {
        try
        {
            return faults.Apply(input, output, _session, Stream(entry, "weight/sample"), _session.Options.Batched);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            string message = $"fault entry '{entry.Name}' at module '{_name}' (per-sample weight faults, input shape [{string.Join(",", input.shape)}]): {FirstLine(e.Message)}";
            throw Located(entry, e) is { } at ? MrfiException.At(at, message) : new MrfiException($"error: {message}", e);
        }
    }

    private void Observe(IReadOnlyList<ObserverBinding> observers, Tensor value)
    {
        try
        {
            _session.Notify(observers, value);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            string message = $"observer at module '{_name}' (shape [{string.Join(",", value.shape)}]): {FirstLine(e.Message)}";
            var at = observers.Select(o => o.Location).FirstOrDefault(l => l is not null);
            throw at is { } location ? MrfiException.At(location, message) : new MrfiException($"error: {message}", e);
        }
    }

    /// <summary>A selector's refusal points at the selector's key, anything else at the entry.</summary>
    private static SourceLocation? Located(FaultEntry entry, Exception e) => e is SelectorException ? entry.SelectorLocation ?? entry.Location : entry.Location;

    private static string FirstLine(string message) => message.Split(" (Parameter", 2)[0].Split('\n')[0];

    private PermanentFault? Permanent(FaultEntry entry, string slot) => _permanent.GetValueOrDefault((entry, slot));

    private string ParameterName(Parameter parameter) => _parameterNames[parameter];

    /// <summary>The random stream of one entry at one tensor of this module for the current trial.</summary>
    private Generator Stream(FaultEntry entry, string slot)
    {
        if (!_streams.TryGetValue((entry, slot), out var stream))
        {
            stream = new Generator(Campaigns.TrialSeeds.Stream(_session.TrialSeed, SiteKey.Hash($"{entry.Name}/{_name}/{slot}")));
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

    private static bool Rewrites(FaultEntry entry) => entry.Quantizer is not null && entry.Layerwise;

    /// <summary>Puts the clean weights back: a copy where the whole weight was rewritten (or <paramref name="all"/>), else the logged values.</summary>
    private void Restore(bool all = false)
    {
        using var noGrad = torch.no_grad();
        foreach (var (parameter, clean) in _clean)
        {
            var undo = _weightUndo[parameter];
            if (all || _rewritten.Contains(parameter))
            {
                parameter.copy_(clean);
                undo.Clear();
            }
            else if (!undo.IsEmpty) undo.Restore(parameter);
        }
    }

    public void Dispose()
    {
        UndoInput();
        Restore(all: true);
        foreach (var clean in _clean.Values) clean.Dispose();
        _clean.Clear();
        foreach (var fault in _permanent.Values) fault.Dispose();
        foreach (var stream in _streams.Values) stream.Dispose();
    }

    private sealed class Remover(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
