namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>How one ONNX node test ended.</summary>
internal enum OnnxNodeTestKind
{
    Passed,
    Failed,
    Refused,
    Unsupported,
}
