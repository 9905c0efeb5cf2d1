using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Equal, Greater, Less (7–17) and GreaterOrEqual, LessOrEqual (12–17): a bool tensor, numpy broadcasting.</summary>
[OnnxOperator("Equal")]
[OnnxOperator("Greater")]
[OnnxOperator("Less")]
[OnnxOperator("GreaterOrEqual", SinceOpset = 12)]
[OnnxOperator("LessOrEqual", SinceOpset = 12)]
internal sealed class ComparisonConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        Func<Tensor, Tensor, Tensor> op = node.OpType switch
        {
            "Equal" => (a, b) => a.eq(b),
            "Greater" => (a, b) => a.gt(b),
            "Less" => (a, b) => a.lt(b),
            "GreaterOrEqual" => (a, b) => a.ge(b),
            _ => (a, b) => a.le(b),
        };
        return LambdaNode.Of(node.OpType, inputs => op(inputs[0]!, inputs[1]!));
    }
}
