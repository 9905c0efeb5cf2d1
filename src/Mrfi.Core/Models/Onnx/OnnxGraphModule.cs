using Mrfi.Core.Data;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>An imported ONNX graph as a TorchSharp module: one registered submodule per node, each run through
/// <c>call()</c> so mrfi's hooks fire on every node as on the built-in models.</summary>
internal sealed class OnnxGraphModule : nn.Module<Tensor, Tensor>, IImageClassifier, ISiteNaming, IPackedInputs, IModelOutputs
{
    private readonly OnnxStep[] _steps;
    private readonly Dictionary<string, string> _constantBuffers = [];
    private readonly Dictionary<nn.Module, OnnxStep> _byModule = new(ReferenceEqualityComparer.Instance);
    private readonly string[] _inputs;
    private readonly string[] _outputs;

    /// <summary>Takes ownership of the steps' modules and the constants.</summary>
    public OnnxGraphModule(string name, OnnxGraphParts parts) : base(name)
    {
        _steps = [.. parts.Steps];
        _inputs = [.. parts.Inputs.Select(i => i.Name)];
        _outputs = [.. parts.Outputs.Select(o => o.Name)];
        OutputSpecs = parts.Outputs;
        Input = parts.Inputs[0];
        InputSpecs = parts.Inputs;
        PackedInputs = parts.Inputs.Count > 1 ? [.. parts.Inputs.Select(i => new PackedInput(i.Name, i.SampleShape, i.Type))] : null;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in _steps)
        {
            register_module(OnnxSiteNames.Registered(step.Site, taken), step.Module);
            _byModule[step.Module] = step;
        }
        int c = 0;
        foreach (var (value, tensor) in parts.Constants)
        {
            string buffer = $"constant_{c++}";
            register_buffer(buffer, tensor);
            _constantBuffers[value] = buffer;
        }
    }

    /// <summary>The first graph input: its name, per-sample shape and dtype.</summary>
    public OnnxValueSpec Input { get; }

    /// <summary>The graph inputs as the file declares them, in graph order.</summary>
    public IReadOnlyList<OnnxValueSpec> InputSpecs { get; }

    /// <inheritdoc />
    public IReadOnlyList<PackedInput>? PackedInputs { get; }

    /// <summary>The graph outputs as the file declares them.</summary>
    public IReadOnlyList<OnnxValueSpec> OutputSpecs { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> OutputNames => _outputs;

    /// <inheritdoc />
    public IReadOnlyList<long>? PackedSizes => _packedSizes;

    private long[]? _packedSizes;

    /// <inheritdoc />
    public long[] InputShape => Input.SampleShape;

    /// <inheritdoc />
    public IReadOnlyList<(string Name, nn.Module Module)> Sites => [.. _steps.Select(s => (s.Site, (nn.Module)s.Module))];

    /// <summary>The nodes as they run.</summary>
    public IReadOnlyList<OnnxStep> Steps => _steps;

    /// <inheritdoc />
    public string? TypeName(nn.Module module) => _byModule.TryGetValue(module, out var step) ? step.OpType : null;

    /// <inheritdoc />
    public bool IsType(nn.Module module, string type, bool substring)
    {
        if (!_byModule.TryGetValue(module, out var step)) return false;
        return OnnxTypeNames.Of(step, module).Any(t => substring ? t.Contains(type, StringComparison.Ordinal) : t == type);
    }

    /// <summary>Runs the graph and returns its output. A graph with several inputs takes them packed by
    /// <see cref="InputPacking"/> into one tensor [B, Σ k_i], the one tensor per batch the engine feeds; a graph with several
    /// outputs returns them packed by <see cref="OutputPacking"/>, so that every one is scored.</summary>
    public override Tensor forward(Tensor input)
    {
        if (PackedInputs is null && _outputs.Length == 1) return Run([input])[0];
        using var scope = NewDisposeScope();
        var outputs = Run(PackedInputs is null ? new[] { input } : InputPacking.Unpack(input, PackedInputs));
        if (_outputs.Length == 1) return outputs[0].MoveToOuterDisposeScope();
        var packed = OutputPacking.Pack(outputs, _outputs, input.shape[0], out var sizes);
        // A dynamic output axis that changes between batches would shift the outputs' boundaries in the packed tensor.
        if (_packedSizes is not null && !_packedSizes.SequenceEqual(sizes))
            throw new MrfiException($"the graph's outputs have [{string.Join(", ", sizes)}] values per sample in this batch but " +
                $"[{string.Join(", ", _packedSizes)}] in the first; mrfi needs outputs of a fixed size per sample: re-export with fixed " +
                $"output sizes");
        _packedSizes = sizes;
        return packed.MoveToOuterDisposeScope();
    }

    /// <summary>Runs the graph on all its inputs (in graph order) and returns all its outputs.</summary>
    public Tensor[] Run(IReadOnlyList<Tensor> inputs)
    {
        if (inputs.Count != _inputs.Length)
            throw new ArgumentException($"the graph has {_inputs.Length} inputs, but {inputs.Count} were given");
        using var scope = NewDisposeScope();
        var values = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var buffers = named_buffers(recurse: false).ToDictionary(b => b.name, b => b.buffer);
        foreach (var (value, buffer) in _constantBuffers) values[value] = buffers[buffer];
        for (int i = 0; i < inputs.Count; i++) values[_inputs[i]] = inputs[i];
        foreach (var step in _steps)
        {
            // A plain module (Conv2d, Linear) holds its weights: it reads input 0 only.
            Tensor[] results = step.Module is OnnxNode node
                ? node.Invoke([.. step.Inputs.Select(n => n.Length == 0 ? null : values[n])])
                : [step.Module.call(values[step.Inputs[0]])];
            for (int o = 0; o < step.Outputs.Length && o < results.Length; o++)
                if (step.Outputs[o].Length > 0) values[step.Outputs[o]] = results[o];
        }
        // An output may be an input or a constant: alias it so that moving it out of the scope moves a tensor of its own.
        return [.. _outputs.Select(o => values[o].alias().MoveToOuterDisposeScope())];
    }
}
