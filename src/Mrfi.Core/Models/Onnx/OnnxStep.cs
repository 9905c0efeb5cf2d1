using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>One node of the graph as it runs: its module, the value names it reads and writes, and its site name.</summary>
/// <param name="Site">The display (site) name.</param>
/// <param name="OpType">The ONNX op type.</param>
/// <param name="Module">The node's module (an <see cref="OnnxNode"/> or a one-input TorchSharp module).</param>
/// <param name="Inputs">Input value names ("" for an absent optional input).</param>
/// <param name="Outputs">Output value names.</param>
internal sealed record OnnxStep(string Site, string OpType, nn.Module<Tensor, Tensor> Module, string[] Inputs, string[] Outputs);
