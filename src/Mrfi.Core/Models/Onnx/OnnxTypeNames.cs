using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>The names <c>module_type</c> may use for a node: its ONNX op type, the TorchSharp type it runs as, and the
/// PyTorch name meaning the same (<c>Conv2d</c> = a 2-D Conv, <c>Linear</c> = Gemm or MatMul with a constant weight).</summary>
internal static class OnnxTypeNames
{
    /// <summary>Every name of the node's type.</summary>
    public static IEnumerable<string> Of(OnnxStep step, nn.Module module)
    {
        yield return step.OpType;
        string clr = module.GetType().Name;
        if (clr != step.OpType && module is not LambdaNode) yield return clr;
        var weight = module.named_parameters(recurse: false).FirstOrDefault(p => p.name == "weight").parameter;
        if (weight is null) yield break;
        if (step.OpType is "Conv" or "ConvTranspose")
        {
            string kind = step.OpType == "Conv" ? "Conv" : "ConvTranspose";
            yield return $"{kind}{weight.dim() - 2}d";
        }
        if (step.OpType is "Gemm" or "MatMul") yield return "Linear";
    }
}
