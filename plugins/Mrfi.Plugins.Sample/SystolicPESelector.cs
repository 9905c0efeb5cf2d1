using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Plugins.Sample;

/// <summary>A weight-stationary systolic array of rows × cols processing elements holds weight [o, i, …] in PE
/// (o mod rows, i mod cols): selects every weight of one faulty PE, so its fault repeats across the whole layer.</summary>
[MrfiComponent("SystolicPE", Summary = "All weights mapped to one processing element (o mod rows, i mod cols) of a systolic array.")]
public sealed class SystolicPESelector : ISelector, IExpectedFaults
{
    /// <summary>Creates the selector.</summary>
    /// <param name="rows">PE rows (output channels map onto them).</param>
    /// <param name="cols">PE columns (input channels map onto them).</param>
    /// <param name="pe">The faulty PE as [row, col].</param>
    public SystolicPESelector(int rows, int cols, long[] pe)
    {
        if (rows < 1 || cols < 1) throw new ArgumentOutOfRangeException(nameof(rows), "rows and cols must be at least 1");
        ArgumentNullException.ThrowIfNull(pe);
        if (pe.Length != 2 || pe[0] < 0 || pe[0] >= rows || pe[1] < 0 || pe[1] >= cols)
            throw new ArgumentOutOfRangeException(nameof(pe), $"pe must be [row, col] inside the {rows}×{cols} array");
        Rows = rows;
        Cols = cols;
        Row = pe[0];
        Col = pe[1];
    }

    /// <summary>PE rows.</summary>
    public int Rows { get; }

    /// <summary>PE columns.</summary>
    public int Cols { get; }

    /// <summary>Faulty PE row.</summary>
    public long Row { get; }

    /// <summary>Faulty PE column.</summary>
    public long Col { get; }

    /// <inheritdoc />
    public Tensor Select(long[] shape, Generator generator)
    {
        if (shape.Length < 2) throw new ArgumentException($"SystolicPE needs a weight with output and input dimensions, not shape [{string.Join(", ", shape)}]");
        long perOut = shape.Skip(1).Aggregate(1L, (a, b) => a * b);
        long perIn = shape.Skip(2).Aggregate(1L, (a, b) => a * b);
        using var all = torch.arange(shape.Aggregate(1L, (a, b) => a * b), dtype: ScalarType.Int64);
        using var o = all.div(perOut, rounding_mode: RoundingMode.floor);
        using var i = all.remainder(perOut).div(perIn, rounding_mode: RoundingMode.floor);
        using var hit = o.remainder(Rows).eq(Row).logical_and(i.remainder(Cols).eq(Col));
        return all.masked_select(hit);
    }

    /// <inheritdoc />
    public double ExpectedFaults(long[] shape)
    {
        if (shape.Length < 2) return 0;
        long outs = Enumerable.Range(0, (int)shape[0]).Count(o => o % Rows == Row);
        long ins = Enumerable.Range(0, (int)shape[1]).Count(i => i % Cols == Col);
        return outs * ins * shape.Skip(2).Aggregate(1L, (a, b) => a * b);
    }
}
