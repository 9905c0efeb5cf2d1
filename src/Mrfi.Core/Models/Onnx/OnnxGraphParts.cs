using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>What <see cref="OnnxGraphBuilder"/> hands to <see cref="OnnxGraphModule"/>.</summary>
/// <param name="Steps">The nodes in execution order.</param>
/// <param name="Constants">Initializers and folded constants that the steps read at run time, by value name.</param>
/// <param name="Inputs">The graph inputs that are not initializers.</param>
/// <param name="Outputs">The graph outputs as declared (shape and type where the file gives them).</param>
internal sealed record OnnxGraphParts(IReadOnlyList<OnnxStep> Steps, IReadOnlyDictionary<string, Tensor> Constants,
    IReadOnlyList<OnnxValueSpec> Inputs, IReadOnlyList<OnnxValueSpec> Outputs);
