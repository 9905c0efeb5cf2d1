namespace Mrfi.Core.Models.Onnx.Operators;

/// <summary>Gemm's attributes.</summary>
/// <param name="Alpha">Scale of A·B.</param>
/// <param name="Beta">Scale of C.</param>
/// <param name="TransA">Whether A is transposed.</param>
/// <param name="TransB">Whether B is transposed.</param>
internal sealed record GemmAttributes(float Alpha, float Beta, bool TransA, bool TransB);
