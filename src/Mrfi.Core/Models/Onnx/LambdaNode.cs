using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>A stateless node given by a function of its inputs: what most operators need.</summary>
internal sealed class LambdaNode : OnnxNode
{
    private readonly Func<IReadOnlyList<Tensor?>, Tensor[]> _run;

    /// <summary>A node with any inputs and outputs.</summary>
    public LambdaNode(string opType, Func<IReadOnlyList<Tensor?>, Tensor[]> run) : base(opType) => _run = run;

    /// <summary>A node whose one output is a function of its first input.</summary>
    public static LambdaNode Unary(string opType, Func<Tensor, Tensor> run) => new(opType, inputs => [run(inputs[0]!)]);

    /// <summary>A node whose one output is a function of its inputs.</summary>
    public static LambdaNode Of(string opType, Func<IReadOnlyList<Tensor?>, Tensor> run) => new(opType, inputs => [run(inputs)]);

    /// <inheritdoc />
    protected override Tensor[] Run(IReadOnlyList<Tensor?> inputs) => _run(inputs);
}
