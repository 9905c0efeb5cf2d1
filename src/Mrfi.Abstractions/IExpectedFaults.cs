namespace Mrfi;

/// <summary>A selector that can say how many positions it selects on average, so that `dotnet mrfi plan` can predict
/// the faults per trial without running.</summary>
public interface IExpectedFaults
{
    /// <summary>Expected number of positions selected in a tensor of <paramref name="shape"/> (before duplicates merge).</summary>
    double ExpectedFaults(long[] shape);
}
