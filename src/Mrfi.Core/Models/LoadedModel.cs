using static TorchSharp.torch;

namespace Mrfi.Core.Models;

/// <summary>A model as a source delivers it.</summary>
/// <param name="Module">The module, weights loaded, in eval mode.</param>
/// <param name="Name">What runs and reports call the model (the architecture, or the ONNX file's name).</param>
/// <param name="InputShape">The shape of one input sample, e.g. [C, H, W].</param>
/// <param name="InputType">The input's element type.</param>
/// <param name="Output">What the output is, which decides the metrics.</param>
internal sealed record LoadedModel(nn.Module<Tensor, Tensor> Module, string Name, long[] InputShape, ScalarType InputType,
    ModelOutputKind Output);
