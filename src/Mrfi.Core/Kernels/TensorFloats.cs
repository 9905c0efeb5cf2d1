using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Kernels;

/// <summary>A tensor's values as a managed float32 array, whatever its dtype and device.</summary>
internal static class TensorFloats
{
    /// <summary>A copy of <paramref name="tensor"/>'s values in row-major order; the tensor itself is left alone.</summary>
    /// <remarks><c>to(float32, CPU)</c> and <c>contiguous()</c> return the tensor itself when it already is one, so only a
    /// tensor made here is disposed (disposing the caller's tensor would free a module's parameter).</remarks>
    public static float[] Read(Tensor tensor)
    {
        bool ready = tensor.device_type == DeviceType.CPU && tensor.dtype == ScalarType.Float32 && tensor.is_contiguous();
        if (ready) return tensor.data<float>().ToArray();
        using var converted = tensor.to(ScalarType.Float32, CPU).contiguous();
        return converted.data<float>().ToArray();
    }
}
