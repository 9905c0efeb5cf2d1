namespace Mrfi.Report;

/// <summary>A rate pooled over all samples of a point, with its 95 % Wilson interval.</summary>
internal readonly record struct Rate(long Count, long Samples)
{
    public double Value => Samples == 0 ? double.NaN : Count / (double)Samples;

    public double Low => Stats.Wilson(Count, Samples).Low;

    public double High => Stats.Wilson(Count, Samples).High;
}
