using static TorchSharp.torch;

namespace Mrfi.Core.Data;

/// <summary>Several model inputs as one float64 tensor [N, Σ k_i]: each input flattened per sample and concatenated in
/// the model's input order. The engine batches, shuffles and feeds one tensor; the model splits it back.</summary>
/// <remarks>float64 holds every float32, float16 and bfloat16 value and every integer of magnitude up to 2^53 exactly, so
/// the round trip is exact for token ids and masks; <see cref="Fits"/> checks an input before it is packed.</remarks>
internal static class InputPacking
{
    /// <summary>The packed element type.</summary>
    public const ScalarType Type = ScalarType.Float64;

    /// <summary>Packs inputs [N, …] (already of their model's element type) into [N, Σ k_i] float64.</summary>
    public static Tensor Pack(IReadOnlyList<Tensor> inputs)
    {
        using var scope = NewDisposeScope();
        return cat([.. inputs.Select(t => t.reshape(t.shape[0], -1).to_type(Type))], 1).MoveToOuterDisposeScope();
    }

    /// <summary>Splits a packed batch [B, Σ k_i] back into the inputs, each [B, …shape] of its element type.</summary>
    public static Tensor[] Unpack(Tensor packed, IReadOnlyList<PackedInput> inputs)
    {
        long width = inputs.Sum(i => i.Size);
        if (packed.dim() != 2 || packed.shape[1] != width)
            throw new ArgumentException($"a packed batch of {inputs.Count} inputs is [B, {width}], not " +
                $"[{string.Join(", ", packed.shape)}]");
        var parts = new Tensor[inputs.Count];
        long at = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            parts[i] = packed.narrow(1, at, input.Size).reshape([packed.shape[0], .. input.SampleShape]).to_type(input.Type);
            at += input.Size;
        }
        return parts;
    }

    /// <summary>Whether every value of <paramref name="values"/> survives the trip to <paramref name="type"/> and through
    /// the packed float64 unchanged.</summary>
    public static bool Fits(Tensor values, ScalarType type)
    {
        using var scope = NewDisposeScope();
        var typed = values.to_type(type);
        return Same(typed.to_type(values.dtype), values) && Same(typed.to_type(Type).to_type(type), typed);
    }

    // Equal element by element, a NaN matching a NaN (a float input may hold them; they survive the trip).
    private static bool Same(Tensor a, Tensor b) => (a.eq(b) | (a.isnan() & b.isnan())).all().item<bool>();
}
