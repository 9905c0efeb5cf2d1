using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>The element-wise activations with attributes only: LeakyRelu, Sigmoid, HardSigmoid, HardSwish.</summary>
[OnnxOperator("LeakyRelu")]
[OnnxOperator("Sigmoid")]
[OnnxOperator("HardSigmoid")]
[OnnxOperator("HardSwish", SinceOpset = 14)]
internal sealed class ActivationConverter : IOnnxConverter
{
    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node)
    {
        switch (node.OpType)
        {
            case "LeakyRelu":
                double slope = node.Float("alpha", 0.01f);
                return LambdaNode.Unary("LeakyRelu", x => nn.functional.leaky_relu(x, slope));
            case "Sigmoid":
                return LambdaNode.Unary("Sigmoid", x => x.sigmoid());
            case "HardSigmoid":
                double alpha = node.Float("alpha", 0.2f), beta = node.Float("beta", 0.5f);
                return LambdaNode.Unary("HardSigmoid", x => (x * alpha + beta).clamp(0, 1));
            default:
                // x · HardSigmoid(x) with alpha 1/6, beta 0.5, as ONNX defines it (and as torch's hardswish computes).
                return LambdaNode.Unary("HardSwish", x => nn.functional.hardswish(x));
        }
    }
}
