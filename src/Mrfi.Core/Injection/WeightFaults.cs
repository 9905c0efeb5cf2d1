using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Injection;

/// <summary>The weight faults of one module: injected before its forward, put back right after it from clean copies (or
/// the logged values), so a disabled entry or a finished campaign never leaves corrupted weights behind.</summary>
internal sealed class WeightFaults : IDisposable
{
    private readonly SiteInjector _injector;
    private readonly (FaultEntry Entry, Parameter Parameter)[] _weights;
    private readonly (FaultEntry Entry, Parameter Parameter, PerSampleWeights Faults)[] _perSample;
    // Keyed by reference: TorchSharp's Tensor.Equals compares values, so a weight holding a NaN (a flipped FP8 word) would
    // no longer find itself.
    private readonly Dictionary<Parameter, Tensor> _clean = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Parameter, UndoLog> _undo = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Parameter> _rewritten;
    private readonly Dictionary<Parameter, string> _names;

    /// <summary>Copies the clean values of the parameters the weight entries of <paramref name="entries"/> name.</summary>
    public WeightFaults(SiteInjector injector, nn.Module module, IReadOnlyList<FaultEntry> entries)
    {
        _injector = injector;
        string name = injector.Name;
        var parameters = module.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter);
        _names = new(parameters.ToDictionary(p => p.Value, p => p.Key), ReferenceEqualityComparer.Instance);
        var weights = new List<(FaultEntry, Parameter)>();
        var perSample = new List<(FaultEntry, Parameter, PerSampleWeights)>();
        foreach (var entry in entries.Where(e => e.Target == InjectionTarget.Weight))
        {
            foreach (var pname in entry.Parameters)
            {
                if (!parameters.TryGetValue(pname, out var p))
                    throw new MrfiException($"fault entry '{entry.Name}': module '{name}' ({module.GetType().Name}) has no parameter " +
                        $"'{pname}'. It has: {(parameters.Count == 0 ? "none" : string.Join(", ", parameters.Keys))}");
                if (!_clean.TryGetValue(p, out var clean))
                {
                    _clean[p] = clean = p.detach().clone().DetachFromDisposeScope();
                    _undo[p] = new UndoLog();
                }
                if (entry.PerSample) perSample.Add((entry, p, new PerSampleWeights(entry, module, p, clean, name)));
                else weights.Add((entry, p));
            }
        }
        _weights = [.. weights];
        _perSample = [.. perSample];
        // Layer-wise quantization rewrites the whole weight, which the clean copy then replaces at every forward.
        _rewritten = new(weights.Select(w => (w.Item1, w.Item2)).Concat(perSample.Select(p => (p.Item1, p.Item2)))
            .Where(w => Rewrites(w.Item1)).Select(w => w.Item2),
            ReferenceEqualityComparer.Instance);
    }

    /// <summary>Whether the module has weight faults.</summary>
    public bool Any => _weights.Length + _perSample.Length > 0;

    /// <summary>Whether it has per-sample weight faults, which correct the output after the forward.</summary>
    public bool PerSample => _perSample.Length > 0;

    /// <summary>Before the forward: injects the weight faults; per-sample entries only quantize here (as a golden run does).</summary>
    public void Inject(InjectionMode mode)
    {
        using var noGrad = torch.no_grad();
        // Layer-wise quantization rewrites the whole weight, which the clean copy then replaces; other entries change a few
        // values, which are logged and put back.
        foreach (var (entry, parameter) in _weights)
            _injector.Inject(parameter, entry, mode, _names[parameter], $"parameter '{_names[parameter]}'",
                Rewrites(entry) ? null : _undo[parameter]);
        foreach (var (entry, parameter, _) in _perSample)
            if (Rewrites(entry)) _injector.Quantize(parameter, entry, "weight", "parameter 'weight'");
    }

    /// <summary>After a faulty forward: a copy of <paramref name="output"/> with every sample's weight faults as a correction.
    /// Corrections use the input the layer saw, input faults included, so they run before the input is put back.</summary>
    public Tensor Correct(Tensor input, Tensor output)
    {
        var replaced = output.contiguous().clone();
        foreach (var (entry, _, faults) in _perSample) _injector.PerSample(faults, entry, input, replaced);
        return replaced;
    }

    /// <summary>Puts the clean weights back: a copy where the whole weight was rewritten (or <paramref name="all"/>), else the logged
    /// values.</summary>
    public void Restore(bool all = false)
    {
        using var noGrad = torch.no_grad();
        foreach (var (parameter, clean) in _clean)
        {
            var undo = _undo[parameter];
            if (all || _rewritten.Contains(parameter))
            {
                parameter.copy_(clean);
                undo.Clear();
            }
            else if (!undo.IsEmpty) undo.Restore(parameter);
        }
    }

    private static bool Rewrites(FaultEntry entry) => entry.Quantizer is not null && entry.Layerwise;

    /// <inheritdoc />
    public void Dispose()
    {
        Restore(all: true);
        foreach (var clean in _clean.Values) clean.Dispose();
        _clean.Clear();
    }
}
