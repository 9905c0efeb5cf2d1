namespace Mrfi.Core.Models;

/// <summary>A model that names its outputs (an ONNX graph). With several outputs its forward returns them packed into one
/// tensor [N, Σ k_i] (<see cref="OutputPacking"/>): the engine gets one tensor per batch, and every output is scored.</summary>
internal interface IModelOutputs
{
    /// <summary>The outputs' names in graph order.</summary>
    IReadOnlyList<string> OutputNames { get; }

    /// <summary>Each output's elements per sample, in graph order, when the forward packs several outputs (known after the
    /// first forward); null when the forward returns its one output as it is.</summary>
    IReadOnlyList<long>? PackedSizes { get; }
}
