using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Injection;

/// <summary>The input and output faults of one module. Faults never stay in the producer's tensor: MRFI leaves them there,
/// which leaks them into skip connections and into the caller's input (mrfi.md §1.10).</summary>
internal sealed class ActivationFaults
{
    private readonly SiteInjector _injector;
    private readonly FaultEntry[] _inputs;
    private readonly FaultEntry[] _outputs;
    private readonly bool _inputInPlace;
    private readonly UndoLog _undo = new();
    private Tensor? _faultedInput;

    /// <summary>The activation entries of <paramref name="entries"/> at <paramref name="module"/>.</summary>
    public ActivationFaults(SiteInjector injector, nn.Module module, IReadOnlyList<FaultEntry> entries)
    {
        _injector = injector;
        _inputs = [.. entries.Where(e => e.Target == InjectionTarget.Activation)];
        _outputs = [.. entries.Where(e => e.Target == InjectionTarget.ActivationOut)];
        // Conv2d and Linear never return a view of their input, so faults can go into the input itself and be undone after
        // the forward (a few values) instead of into a copy of the whole activation; layer-wise quantization rewrites every value, so it
        // still copies.
        _inputInPlace = module is Conv2d or Linear && _inputs.All(e => e.Quantizer is null || !e.Layerwise);
    }

    /// <summary>Whether the module has activation faults.</summary>
    public bool Any => _inputs.Length + _outputs.Length > 0;

    /// <summary>Before the forward: injects the input faults; returns the faulty copy the forward must see, or null when the
    /// input itself was changed (its clean values go back after the forward) or there are no input faults.</summary>
    public Tensor? Input(Tensor input, InjectionMode mode)
    {
        if (_inputs.Length == 0) return null;
        // Either a copy, or the input itself with its clean values put back after the forward.
        bool inPlace = _inputInPlace && input.is_contiguous();
        using var contiguous = inPlace ? null : input.contiguous();
        // A copy: the first entry writes it (in the same pass as its quantization, where the kernels can).
        var target = inPlace ? input : torch.empty_like(contiguous!);
        // Marked first: should a later entry throw, the values the earlier ones wrote still go back into the caller's tensor.
        if (inPlace) _faultedInput = input;
        for (int i = 0; i < _inputs.Length; i++)
            _injector.Inject(target, _inputs[i], mode, "in", "input", inPlace ? _undo : null, i == 0 ? contiguous : null);
        return inPlace ? null : target;
    }

    /// <summary>After the forward: injects the output faults into <paramref name="replaced"/> (a copy the site already made)
    /// or a new copy of <paramref name="output"/>; returns the tensor the caller gets, or null for <paramref name="output"/>
    /// itself.</summary>
    public Tensor? Output(Tensor output, Tensor? replaced, InjectionMode mode)
    {
        if (_outputs.Length == 0) return replaced;
        using var contiguous = replaced is null ? output.contiguous() : null;
        replaced ??= torch.empty_like(contiguous!);
        for (int i = 0; i < _outputs.Length; i++)
            _injector.Inject(replaced, _outputs[i], mode, "out", "output", source: i == 0 ? contiguous : null);
        return replaced;
    }

    /// <summary>Puts back the clean input values written by in-place input faults (latest first, so overlapping entries unwind).</summary>
    public void UndoInput()
    {
        if (_faultedInput is null) return;
        _undo.Restore(_faultedInput);
        _faultedInput = null;
    }
}
