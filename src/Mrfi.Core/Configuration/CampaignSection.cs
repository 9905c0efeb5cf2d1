namespace Mrfi.Core.Configuration;

/// <summary>[campaign]: the statistical goal of the campaign.</summary>
/// <param name="Margin">Wanted half-width of the confidence intervals (e.g. 0.01), or null.</param>
/// <param name="Confidence">Confidence level of the intervals.</param>
/// <param name="Sequential">Stop a sweep point's repeats once its accuracy and outcome-rate intervals are narrower than the margin.</param>
public sealed record CampaignSection(double? Margin, double Confidence, bool Sequential)
{
    /// <summary>No goal: intervals at 95 %, every repeat runs.</summary>
    public static CampaignSection Default { get; } = new(null, 0.95, false);
}
