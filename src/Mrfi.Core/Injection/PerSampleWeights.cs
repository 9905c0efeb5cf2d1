using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mrfi.Core.Injection;

/// <summary>Per-sample weight faults of one entry at one Conv2d or Linear layer: every sample of the batch gets its own
/// faulty weights, so one forward runs as many independent experiments as there are images.</summary>
/// <remarks>
/// A convolution and a linear map are linear in their weights, so the output under weights W + ΔW is the output under W
/// plus the layer applied to the input with ΔW alone. ΔW is sparse (a few faulty values per sample), so the correction of
/// sample s is, for each of its faults (o, c, i, j) with delta d, d times the input window that weight sees, added to output
/// channel o — O(faults × output pixels) instead of a forward per sample. The plain path (<c>[run] batched = false</c>)
/// instead runs the layer once per faulty sample with its weights really changed; tests hold the two to float32 rounding.
/// </remarks>
internal sealed class PerSampleWeights(FaultEntry entry, nn.Module module, Parameter weight, Tensor clean, string layer)
{
    /// <summary>Draws every sample's faults, corrects <paramref name="output"/> (a contiguous copy the caller owns) in place
    /// and returns the number of faults. The weight holds its golden (quantized) values and is left as it was.</summary>
    public long Apply(Tensor input, Tensor output, FaultInjectionSession session, Generator stream, bool batched)
    {
        if (entry.Quantizer is Quantizers.MXQuantizer { TargetsScales: true })
            throw new ArgumentException("per-sample weight faults hit single values; MXQuantization's target_part = \"scales\" needs " +
                "per_sample = false");
        using var scope = torch.NewDisposeScope();
        long perSample = weight.numel();
        long samples = input.shape[0];
        long[] shape = [samples, .. weight.shape];
        using var positions = TensorInjector.Draw(entry.Selector, shape, stream);
        if (positions.Count == 0) return 0;
        var selected = positions.ToTensor().to(weight.device);
        var sample = selected.div(perSample, rounding_mode: RoundingMode.floor);
        var index = selected.remainder(perSample);
        using var noGrad = torch.no_grad();
        var flat = weight.view(-1);
        var golden = flat.index(index);
        // One calibration of the clean weight per call serves the error model and the fault records.
        using var at = entry.Quantizer is null ? null : Calibration(index);
        var (before, after, faulty) = Faulty(golden, at, stream);
        if (session.Options.RecordFaults)
            FaultRecorder.Record(session, entry, layer, "weight (per sample)", shape, selected, before, after, at);
        if (batched) Correct(input, output, sample, index, faulty - golden);
        else Plain(input, output, sample, index, faulty);
        return selected.numel();
    }

    /// <summary>Values before and after the error model (quantized integers when quantized) and the faulty weight values.</summary>
    private (Tensor Before, Tensor After, Tensor Faulty) Faulty(Tensor golden, IQuantization? at, Generator stream)
    {
        if (at is null)
        {
            var changed = entry.ErrorModel.Apply(golden.clone(), stream).to_type(weight.dtype);
            return (golden, changed, changed);
        }
        // The weight holds dequantized values (layer-wise) or floats (selected-values mode); either way re-quantizing the
        // selected ones with the clean weight's calibration gives the integers the plain path flips.
        var q = golden.clone();
        at.Quantize(q);
        var flipped = entry.ErrorModel.Apply(q.clone(), stream);
        var values = flipped.to_type(weight.dtype);
        at.Dequantize(values);
        return (q, flipped, values);
    }

    private IQuantization Calibration(Tensor index)
    {
        // Calibrated on the clean weight, as the plain path does before it quantizes.
        using var calibration = entry.Quantizer!.Calibrate(clean);
        return calibration.At(index);
    }

    private void Correct(Tensor input, Tensor output, Tensor sample, Tensor index, Tensor delta)
    {
        if (module is Linear)
        {
            long inFeatures = weight.shape[1];
            var channel = index.remainder(inFeatures);
            var outChannel = index.div(inFeatures, rounding_mode: RoundingMode.floor);
            // [B, *, C] as [B, C, M]: the correction of (s, o) is d · x[s, c, :] over every leading position.
            var x = input.reshape(input.shape[0], -1, inFeatures).transpose(1, 2);
            var y = output.view(output.shape[0], -1, output.shape[^1]).transpose(1, 2);
            var contribution = x.index(sample, channel).mul(delta.unsqueeze(1));
            y.index_put_(contribution, [sample, outChannel], accumulate: true);
            return;
        }
        var conv = (Conv2d)module;
        long[] k = conv.kernel_size, stride = conv.stride, dilation = conv.dilation;
        long[] padding = Padding(conv);
        long cg = weight.shape[1], outPerGroup = weight.shape[0] / conv.groups;
        var j = index.remainder(k[1]);
        var i = index.div(k[1], rounding_mode: RoundingMode.floor).remainder(k[0]);
        var c = index.div(k[0] * k[1], rounding_mode: RoundingMode.floor).remainder(cg);
        var o = index.div(cg * k[0] * k[1], rounding_mode: RoundingMode.floor);
        var inChannel = o.div(outPerGroup, rounding_mode: RoundingMode.floor).mul(cg).add(c);
        var padded = padding.All(p => p == 0) ? input : nn.functional.pad(input, [padding[1], padding[1], padding[0], padding[0]]);
        long ho = output.shape[2], wo = output.shape[3];
        // The window weight (o, c, i, j) sees: rows p·stride + i·dilation, columns q·stride + j·dilation of input channel c.
        var rows = torch.arange(ho, dtype: ScalarType.Int64, device: input.device).mul(stride[0]).unsqueeze(0)
            .add(i.mul(dilation[0]).unsqueeze(1));
        var cols = torch.arange(wo, dtype: ScalarType.Int64, device: input.device).mul(stride[1]).unsqueeze(0)
            .add(j.mul(dilation[1]).unsqueeze(1));
        var window = padded.index(sample.view(-1, 1, 1), inChannel.view(-1, 1, 1), rows.unsqueeze(2), cols.unsqueeze(1));
        output.index_put_(window.mul(delta.view(-1, 1, 1)), [sample, o], accumulate: true);
    }

    /// <summary>The one-trial-per-forward path: each faulty sample through the layer alone, with its faulty weights in place.</summary>
    private void Plain(Tensor input, Tensor output, Tensor sample, Tensor index, Tensor faulty)
    {
        var forward = (nn.Module<Tensor, Tensor>)module;
        var flat = weight.view(-1);
        var samples = sample.cpu().data<long>().ToArray();
        foreach (long s in samples.Distinct())
        {
            using var scope = torch.NewDisposeScope();
            var mine = sample.eq(s).nonzero().view(-1);
            var at = index.index(mine);
            var clean = flat.index(at).clone();
            flat.index_put_(faulty.index(mine), at);
            // forward() rather than call(): this layer's own hooks must not fire again.
            output.narrow(0, s, 1).copy_(forward.forward(input.narrow(0, s, 1)));
            flat.index_put_(clean, at);
        }
    }

    /// <summary>Explicit zero padding of the layer; "same" and "valid" resolved to numbers.</summary>
    private static long[] Padding(Conv2d conv)
    {
        if (conv.padding_mode != PaddingModes.Zeros)
            throw new InvalidOperationException($"per_sample weight faults need zero padding, this layer pads with {conv.padding_mode}");
        if (conv.padding_type == TorchSharp.Padding.Valid) return [0, 0];
        if (conv.padding_type == TorchSharp.Padding.Same)
            return [.. conv.kernel_size.Zip(conv.dilation, (k, d) => (k - 1) * d % 2 == 0 ? (k - 1) * d / 2
                : throw new InvalidOperationException(
                    "per_sample weight faults need symmetric padding; padding = \"same\" with an even kernel pads asymmetrically"))];
        return conv.padding ?? [0, 0];
    }
}
