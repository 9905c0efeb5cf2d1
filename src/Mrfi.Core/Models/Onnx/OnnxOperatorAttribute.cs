namespace Mrfi.Core.Models.Onnx;

/// <summary>Marks an <see cref="IOnnxConverter"/> as the converter of one ONNX operator (default domain) over an opset
/// range; the registry finds converters by this attribute, so adding an operator is adding one file.</summary>
/// <param name="opType">The ONNX op type, as in <c>NodeProto.op_type</c> ("Conv", "Gather").</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
internal sealed class OnnxOperatorAttribute(string opType) : Attribute
{
    /// <summary>The ONNX op type.</summary>
    public string OpType { get; } = opType;

    /// <summary>The lowest opset the converter implements (the operator version it was written against).</summary>
    public int SinceOpset { get; init; } = 1;

    /// <summary>The highest opset the converter implements (inclusive); models above it are refused at load.</summary>
    public int UntilOpset { get; init; } = OnnxOperatorRegistry.MaxOpset;
}
