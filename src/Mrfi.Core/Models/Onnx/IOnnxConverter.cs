using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>Turns one ONNX node into the TorchSharp module that runs it. Implementations carry
/// <see cref="OnnxOperatorAttribute"/> and a parameterless constructor; see OPERATORS.md.</summary>
internal interface IOnnxConverter
{
    /// <summary>Builds the node's module: an <see cref="OnnxNode"/> (any number of inputs and outputs), or any
    /// <c>Module&lt;Tensor, Tensor&gt;</c> (a TorchSharp Conv2d, Linear, …) when the node has one dynamic input and one
    /// output. Throws <see cref="OnnxNodeContext.Refuse"/>'s exception for what it does not support.</summary>
    nn.Module<Tensor, Tensor> Convert(OnnxNodeContext node);
}
