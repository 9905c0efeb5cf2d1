namespace Mrfi.Core.Statistics;

/// <summary>The distribution-free confidence interval of a median: order statistics chosen by the binomial distribution of
/// how many samples fall below it (the sign test's interval), for timings whose noise is neither normal nor symmetric.</summary>
public static class MedianInterval
{
    /// <summary>The median of <paramref name="values"/> and the interval [x(k), x(n+1−k)] (1-based order statistics) with the
    /// largest k whose coverage 1 − 2·P(Binomial(n, ½) &lt; k) is at least <paramref name="confidence"/>; with too few values
    /// for that (n ≤ 5 at 95 %) the interval is their whole range, which covers less. (NaN, NaN, NaN) without values.</summary>
    public static (double Median, double Low, double High) Of(IReadOnlyList<double> values, double confidence = 0.95)
    {
        int n = values.Count;
        if (n == 0) return (double.NaN, double.NaN, double.NaN);
        var sorted = values.Order().ToArray();
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        // P(X < k) for X ~ Binomial(n, 1/2), summed term by term: C(n, i) / 2^n.
        double tail = 0, term = Math.Pow(0.5, n);
        int k = 1;
        for (int candidate = 1; candidate <= n / 2; candidate++)
        {
            tail += term;  // P(X < candidate)
            if (1 - 2 * tail < confidence) break;
            k = candidate;
            term *= (n - candidate + 1) / (double)candidate;
        }
        return (median, sorted[k - 1], sorted[n - k]);
    }
}
