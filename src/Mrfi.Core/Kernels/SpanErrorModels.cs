using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Kernels;

/// <summary>What the span forms of the bit-flipping error models share: masks read from their tensors, integer truncation
/// as libtorch does it, and the check that a subclass outside this assembly did not change how masks combine.</summary>
internal static class SpanErrorModels
{
    /// <summary>Copies a mask tensor's int64 elements into <paramref name="mask"/>.</summary>
    public static void CopyMask(Tensor tensor, Span<long> mask)
    {
        using var converted = tensor.device_type == DeviceType.CPU && tensor.dtype == ScalarType.Int64 ? null
            : tensor.to(ScalarType.Int64, CPU);
        using var cpu = (converted ?? tensor).contiguous();
        if (cpu.numel() != mask.Length)
            throw new InvalidOperationException($"the mask has {cpu.numel()} elements for {mask.Length} values");
        if (mask.Length > 0) MemoryMarshal.Cast<byte, long>(cpu.bytes).CopyTo(mask);
    }

    /// <summary>float32 → int64 as libtorch's <c>to(int64)</c> on this CPU: truncation toward zero; on x86 NaN and values
    /// outside int64 give int64.MinValue (cvttss2si), elsewhere they saturate (as .NET's conversion does).</summary>
    public static long Truncate(float value)
    {
        if (value >= -9.223372036854775808e18f && value < 9.223372036854775808e18f) return (long)value;
        return IsX86 ? long.MinValue : (long)value;
    }

    private static readonly bool IsX86 = RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86;

    /// <summary>Whether <paramref name="model"/>'s <c>Combine(Tensor, Tensor)</c> comes from this assembly, whose span forms
    /// mirror it; a plugin's override is only known as tensor code.</summary>
    public static bool CombinesKnown(object model)
    {
        var combine = model.GetType().GetMethod("Combine", BindingFlags.Instance | BindingFlags.NonPublic,
            [typeof(Tensor), typeof(Tensor)]);
        return combine?.DeclaringType?.Assembly == typeof(SpanErrorModels).Assembly;
    }
}
