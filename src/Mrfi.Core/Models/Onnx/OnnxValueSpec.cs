using static TorchSharp.torch;

namespace Mrfi.Core.Models.Onnx;

/// <summary>A graph input as the file declares it.</summary>
/// <param name="Name">The value name.</param>
/// <param name="Shape">Full shape; -1 for a dynamic (named or unknown) dimension.</param>
/// <param name="Type">Element type.</param>
internal sealed record OnnxValueSpec(string Name, long[] Shape, ScalarType Type)
{
    /// <summary>The shape of one sample: the shape without its first (batch) axis.</summary>
    public long[] SampleShape => Shape.Length == 0 ? [] : Shape[1..];

    /// <summary>The shape as text, dynamic axes as '?'.</summary>
    public string Text =>
        $"[{string.Join(",", Shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
