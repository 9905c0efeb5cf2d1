namespace Mrfi.Core.Models.Onnx;

/// <summary>One supported operator over an opset range, and the converter type that builds it.</summary>
/// <param name="OpType">The ONNX op type.</param>
/// <param name="SinceOpset">Lowest opset (inclusive).</param>
/// <param name="UntilOpset">Highest opset (inclusive).</param>
/// <param name="Type">The converter type.</param>
internal sealed record OnnxOperatorInfo(string OpType, int SinceOpset, int UntilOpset, Type Type)
{
    /// <summary>The range as text: <c>7–17</c>.</summary>
    public string Range => SinceOpset == UntilOpset ? $"{SinceOpset}" : $"{SinceOpset}–{UntilOpset}";

    /// <summary>A fresh converter.</summary>
    public IOnnxConverter Create() => (IOnnxConverter)System.Activator.CreateInstance(Type)!;
}
