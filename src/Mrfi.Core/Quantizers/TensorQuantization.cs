using static TorchSharp.torch;

namespace Mrfi.Core.Quantizers;

/// <summary>An <see cref="IQuantization"/> given by parameter tensors and two in-place functions of them.</summary>
/// <remarks>Parameters are either 0-dim (per tensor) or have the calibrated tensor's rank and broadcast to its shape
/// (per channel); <see cref="At"/> gathers the latter at the selected positions so the same functions apply.</remarks>
internal sealed class TensorQuantization : IQuantization
{
    private readonly Tensor[] _parameters;
    private readonly long[] _shape;
    private readonly Action<Tensor, Tensor[]> _quantize;
    private readonly Action<Tensor, Tensor[]> _dequantize;

    public TensorQuantization(long[] shape, Tensor[] parameters, Action<Tensor, Tensor[]> quantize, Action<Tensor, Tensor[]> dequantize)
    {
        _shape = shape;
        _parameters = parameters;
        _quantize = quantize;
        _dequantize = dequantize;
    }

    public void Quantize(Tensor values) => _quantize(values, _parameters);

    public void Dequantize(Tensor values) => _dequantize(values, _parameters);

    public IQuantization At(Tensor flatIndex)
    {
        var gathered = _parameters.Select(p => p.dim() == 0 || p.dim() != _shape.Length
            ? p.alias()
            : p.expand(_shape).reshape(-1).index(flatIndex)).ToArray();
        return new TensorQuantization([flatIndex.numel()], gathered, _quantize, _dequantize);
    }

    public void Dispose()
    {
        foreach (var p in _parameters) p.Dispose();
    }
}
