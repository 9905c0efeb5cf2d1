using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.ErrorModels;

/// <summary>Sets the selected values to a constant (or to one given value per selected value).</summary>
[MrfiComponent("SetValue", Summary = "Sets the selected values to a constant, or to one given value per selected value.")]
public sealed class SetValueErrorModel : IErrorModel
{
    private readonly double[] _values;

    /// <summary>Creates the model.</summary>
    /// <param name="value">The value, or a list with one value per selected value.</param>
    public SetValueErrorModel(double[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0) throw new ArgumentException("value must not be empty", nameof(value));
        _values = value;
    }

    /// <inheritdoc />
    public Tensor Apply(Tensor values, Generator generator)
    {
        var shape = PerValue.Check(_values.Length, values.shape, "value");
        if (_values.Length == 1) return torch.full_like(values, _values[0]);
        using var t = torch.tensor(_values, dtype: ScalarType.Float64).reshape(shape);
        return t.to(values.dtype, values.device);
    }
}
