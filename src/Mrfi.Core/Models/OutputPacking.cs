using static TorchSharp.torch;

namespace Mrfi.Core.Models;

/// <summary>Several model outputs as one tensor [N, Σ k_i]: each output flattened per sample and concatenated in graph
/// order, so that the engine, which compares one output tensor per batch with the golden one, scores every output.</summary>
/// <remarks>Outputs of one floating-point type keep it; mixed types (float scores and int64 class ids of a detection head)
/// are packed as float64, which holds every float32 value and every integer up to 2^53 exactly, so masked samples stay
/// identical and deviations are those of the outputs themselves.</remarks>
internal static class OutputPacking
{
    /// <summary>Packs outputs [N, …] into [N, Σ k_i]; <paramref name="sizes"/> gets each output's k_i.</summary>
    /// <exception cref="MrfiException">An output without the batch axis first (its first dimension is not N).</exception>
    public static Tensor Pack(IReadOnlyList<Tensor> outputs, IReadOnlyList<string> names, long batch, out long[] sizes)
    {
        for (int i = 0; i < outputs.Count; i++)
        {
            if (outputs[i].dim() == 0 || outputs[i].shape[0] != batch)
                throw new MrfiException($"graph output '{names[i]}' has shape [{string.Join(",", outputs[i].shape)}] for a batch of " +
                    $"{batch}; mrfi compares outputs sample by sample and needs every output's first axis to be the batch");
        }
        var type = outputs.All(o => o.is_floating_point() && o.dtype == outputs[0].dtype) ? outputs[0].dtype : ScalarType.Float64;
        using var scope = NewDisposeScope();
        sizes = [.. outputs.Select(o => o.dim() == 1 ? 1 : o[0].numel())];
        return cat([.. outputs.Select(o => o.reshape(batch, -1).to_type(type))], 1).MoveToOuterDisposeScope();
    }
}
