using Mrfi.Core.Kernels;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>Where one entry's faults at one tensor are recorded (when the session records faults): binds the session,
/// entry, layer, tensor name and shape for <see cref="FaultRecorder"/>, from either path.</summary>
internal sealed class FaultSink(FaultInjectionSession session, FaultEntry entry, string layer, string tensor, long[] shape)
{
    public void Record(Tensor index, Tensor before, Tensor after, IQuantization? quantization) =>
        FaultRecorder.Record(session, entry, layer, tensor, shape, index, before, after, quantization);

    public void Record(ReadOnlySpan<long> index, ReadOnlySpan<float> before, ReadOnlySpan<float> after, ScalarQuantization? quantization) =>
        FaultRecorder.Record(session, entry, layer, tensor, shape, index, before, after, quantization);
}
