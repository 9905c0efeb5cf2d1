using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Element-wise functions of one tensor: Abs, Ceil, Erf (from 9), Exp, Floor, Log, Neg, Reciprocal, Sqrt, Tanh (opset 6/13
/// only widened the accepted dtypes, so one converter serves 7–17).</summary>
[OnnxOperator("Abs")]
[OnnxOperator("Ceil")]
[OnnxOperator("Erf", SinceOpset = 9)]
[OnnxOperator("Exp")]
[OnnxOperator("Floor")]
[OnnxOperator("Log")]
[OnnxOperator("Neg")]
[OnnxOperator("Reciprocal")]
[OnnxOperator("Sqrt")]
[OnnxOperator("Tanh")]
internal sealed class UnaryMathConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        Func<Tensor, Tensor> op = node.OpType switch
        {
            "Abs" => x => x.abs(),
            "Ceil" => x => x.ceil(),
            "Erf" => x => x.erf(),
            "Exp" => x => x.exp(),
            "Floor" => x => x.floor(),
            "Log" => x => x.log(),
            "Neg" => x => x.neg(),
            "Reciprocal" => x => x.reciprocal(),
            "Sqrt" => x => x.sqrt(),
            _ => x => x.tanh(),
        };
        return LambdaNode.Unary(node.OpType, op);
    }
}
