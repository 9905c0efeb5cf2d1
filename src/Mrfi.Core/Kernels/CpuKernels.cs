using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Kernels;

/// <summary>Managed views of CPU tensor memory for the fused kernels, and the switch that turns the kernels off so that tests
/// can run the tensor path (the reference) on the same tensors.</summary>
/// <remarks>A span aliases the tensor's storage: valid while the tensor lives and is not resized. Tensors above 2 GB (the
/// span limit) and every non-CPU, non-contiguous or other-dtype tensor take the tensor path.</remarks>
internal static class CpuKernels
{
    [ThreadStatic] private static bool DisabledOnThisThread;

    /// <summary>Whether the fused CPU kernels run on this thread (on unless a test turned them off).</summary>
    public static bool Enabled => !DisabledOnThisThread;

    /// <summary>Turns the kernels off on this thread until the result is disposed: everything takes the tensor path.</summary>
    public static IDisposable Disable()
    {
        bool before = DisabledOnThisThread;
        DisabledOnThisThread = true;
        return new Restore(() => DisabledOnThisThread = before);
    }

    /// <summary>The float32 elements of a contiguous CPU tensor, when the kernels are on.</summary>
    public static bool TryFloats(Tensor tensor, out Span<float> values)
    {
        values = default;
        return !DisabledOnThisThread && TryMemory(tensor, ScalarType.Float32, out values);
    }

    /// <summary>The elements of a contiguous CPU tensor of <paramref name="dtype"/>, whether or not the kernels are on (for
    /// memory that the fused path already wrote to).</summary>
    public static bool TryMemory<T>(Tensor tensor, ScalarType dtype, out Span<T> values) where T : struct
    {
        values = default;
        if (tensor.device_type != DeviceType.CPU || tensor.dtype != dtype || !tensor.is_contiguous()) return false;
        long bytes = tensor.numel() * tensor.element_size();
        if (bytes > int.MaxValue) return false;
        values = bytes == 0 ? default : MemoryMarshal.Cast<byte, T>(tensor.bytes);
        return true;
    }

    /// <summary>A new 1-D int64 CPU tensor holding <paramref name="values"/>.</summary>
    public static Tensor LongTensor(ReadOnlySpan<long> values)
    {
        var tensor = torch.empty(values.Length, dtype: ScalarType.Int64);
        if (values.Length > 0) values.CopyTo(MemoryMarshal.Cast<byte, long>(tensor.bytes));
        return tensor;
    }

    /// <summary>A new 1-D float32 CPU tensor holding <paramref name="values"/>.</summary>
    public static Tensor FloatTensor(ReadOnlySpan<float> values)
    {
        var tensor = torch.empty(values.Length, dtype: ScalarType.Float32);
        if (values.Length > 0) values.CopyTo(MemoryMarshal.Cast<byte, float>(tensor.bytes));
        return tensor;
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
