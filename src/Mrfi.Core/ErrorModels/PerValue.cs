namespace Mrfi.Core.ErrorModels;

/// <summary>Checks that a per-value list (bits, values) has one entry or one per selected value.</summary>
internal static class PerValue
{
    public static long[] Check(int count, long[] shape, string name)
    {
        long n = shape.Aggregate(1L, (a, b) => a * b);
        if (count != 1 && count != n)
            throw new ArgumentException($"{name} lists {count} entries but {n} values were selected; give one, or one per selected value",
                name);
        return shape;
    }
}
