using Mrfi.Core;
using static TorchSharp.torch;

namespace Mrfi.Scripting;

/// <summary>A quantizer written in the config: <c>quantize</c> and <c>dequantize</c> work in place on a tensor
/// (the whole tensor, or the selected values with <c>layerwise = false</c>).</summary>
public sealed class InlineQuantizer : IQuantizer
{
    private readonly Action<Tensor> _quantize;
    private readonly Action<Tensor> _dequantize;
    private readonly SourceLocation _at;

    internal InlineQuantizer(Action<Tensor> quantize, Action<Tensor> dequantize, SourceLocation at)
    {
        _quantize = quantize;
        _dequantize = dequantize;
        _at = at;
    }

    /// <inheritdoc />
    public IQuantization Calibrate(Tensor tensor) => new Quantization(this);

    private void Run(Action<Tensor> f, Tensor values)
    {
        try
        {
            using var watched = SnippetWatchdog.Enter(_at, "quantizer");
            f(values);
        }
        catch (Exception e) when (e is not MrfiException)
        {
            throw SnippetFailure.From(e, _at, "quantizer");
        }
    }

    private sealed class Quantization(InlineQuantizer owner) : IQuantization
    {
        public void Quantize(Tensor values) => owner.Run(owner._quantize, values);

        public void Dequantize(Tensor values) => owner.Run(owner._dequantize, values);

        public IQuantization At(Tensor flatIndex) => new Quantization(owner);

        public void Dispose() { }
    }
}
