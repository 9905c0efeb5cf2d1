using static TorchSharp.torch;

namespace Mrfi.Core.Data;

/// <summary>One input of a model with several inputs, as packed into the one tensor per batch that the engine feeds.</summary>
/// <param name="Name">The model's name for the input (an ONNX graph input).</param>
/// <param name="SampleShape">The shape of one sample, without the batch axis.</param>
/// <param name="Type">The element type the model takes.</param>
internal sealed record PackedInput(string Name, long[] SampleShape, ScalarType Type)
{
    /// <summary>Elements per sample: this input's width in the packed row.</summary>
    public long Size => SampleShape.Aggregate(1L, (a, d) => a * d);

    /// <summary>The per-sample shape as text.</summary>
    public string ShapeText => $"[{string.Join(", ", SampleShape)}]";
}
