using Onnx;
using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>What a converter sees of one node: its attributes (each read is recorded: an attribute no converter reads
/// refuses the node, so none is ever silently ignored), which inputs are constants, and the opset.</summary>
internal sealed class OnnxNodeContext
{
    private readonly NodeProto _node;
    private readonly Func<string, Tensor?> _constant;
    private readonly Dictionary<string, AttributeProto> _attributes;
    private readonly HashSet<string> _read = [];

    /// <summary>Creates the context of <paramref name="node"/>; <paramref name="constant"/> gives a value name's constant, or
    /// null.</summary>
    public OnnxNodeContext(NodeProto node, string name, int opset, Func<string, Tensor?> constant)
    {
        _node = node;
        _constant = constant;
        Name = name;
        Opset = opset;
        _attributes = node.Attribute.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.Last());
    }

    /// <summary>The node's site name (display name).</summary>
    public string Name { get; }

    /// <summary>The ONNX op type.</summary>
    public string OpType => _node.OpType;

    /// <summary>The model's opset of the default domain.</summary>
    public int Opset { get; }

    /// <summary>Number of inputs listed, absent optional ones (empty names) included.</summary>
    public int InputCount => _node.Input.Count;

    /// <summary>Number of outputs listed.</summary>
    public int OutputCount => _node.Output.Count;

    /// <summary>Whether input <paramref name="index"/> is given (optional inputs may be missing or named "").</summary>
    public bool HasInput(int index) => index < _node.Input.Count && _node.Input[index].Length > 0;

    /// <summary>Whether output <paramref name="index"/> is wanted (optional outputs may be missing or named "").</summary>
    public bool HasOutput(int index) => index < _node.Output.Count && _node.Output[index].Length > 0;

    /// <summary>Whether input <paramref name="index"/> is known at load time (initializer, Constant node, Identity of one).</summary>
    public bool IsConstant(int index) => HasInput(index) && _constant(_node.Input[index]) is not null;

    /// <summary>Input <paramref name="index"/>'s value when known at load time, else null. Shared: clone what you keep.</summary>
    public Tensor? Constant(int index) => HasInput(index) ? _constant(_node.Input[index]) : null;

    /// <summary>Input <paramref name="index"/>'s value, which this converter needs at load time (refuses the node otherwise).</summary>
    public Tensor RequireConstant(int index, string what) =>
        Constant(index) ?? throw Refuse(
            $"input {index} ({what}) must be a constant (an initializer or Constant node), but it is computed by the graph");

    /// <summary>A constant integer input as longs (shapes, axes, pads), or null when absent or not constant.</summary>
    public long[]? ConstantInts(int index) => Constant(index) is { } t ? t.to_type(ScalarType.Int64).data<long>().ToArray() : null;

    /// <summary>A copy of a constant input as a trainable-free <see cref="TorchSharp.Modules.Parameter"/> (weights, biases).</summary>
    public TorchSharp.Modules.Parameter Parameter(int index, string what) =>
        new(RequireConstant(index, what).detach().clone(), requires_grad: false);

    /// <summary>Whether the attribute is written in the node.</summary>
    public bool Has(string attribute) => _attributes.ContainsKey(attribute);

    /// <summary>An integer attribute, or <paramref name="fallback"/>.</summary>
    public long Int(string attribute, long fallback) => Get(attribute)?.I ?? fallback;

    /// <summary>A float attribute, or <paramref name="fallback"/>.</summary>
    public float Float(string attribute, float fallback) => Get(attribute)?.F ?? fallback;

    /// <summary>An integer-list attribute, or null.</summary>
    public long[]? Ints(string attribute) => Get(attribute) is { } a ? [.. a.Ints] : null;

    /// <summary>A float-list attribute, or null.</summary>
    public float[]? Floats(string attribute) => Get(attribute) is { } a ? [.. a.Floats] : null;

    /// <summary>A string attribute, or <paramref name="fallback"/>.</summary>
    public string? String(string attribute, string? fallback = null) => Get(attribute) is { } a ? a.S.ToStringUtf8() : fallback;

    /// <summary>A tensor attribute (as in Constant's <c>value</c>), or null.</summary>
    public Tensor? TensorAttribute(string attribute) => Get(attribute) is { T: { } t } ? OnnxTensors.ToTensor(t, null) : null;

    /// <summary>Marks attributes as handled without reading them (redundant ones such as Conv's <c>kernel_shape</c>).</summary>
    public void Ignore(params string[] attributes)
    {
        foreach (var a in attributes) _read.Add(a);
    }

    /// <summary>The error for something this node does: throw it. The message gets the node, op type and opset in front.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822",
        Justification = "Converters say node.Refuse(...): the refusal belongs to the node.")]
    public Exception Refuse(string why) => new OnnxNodeException(why);

    /// <summary>Attributes written in the node that the converter never read.</summary>
    internal IEnumerable<string> Unread => _attributes.Keys.Where(a => !_read.Contains(a));

    private AttributeProto? Get(string attribute)
    {
        _read.Add(attribute);
        return _attributes.GetValueOrDefault(attribute);
    }
}
