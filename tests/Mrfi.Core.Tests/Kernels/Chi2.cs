namespace Mrfi.Core.Tests.Kernels;

/// <summary>Test statistics with thresholds taken from their distributions (α = 0.001), for fixed-seed tests that cannot flake.</summary>
internal static class Chi2
{
    /// <summary>The 99.9 % quantile of chi-square with <paramref name="df"/> degrees of freedom (Wilson–Hilferty; within 1 % for df ≥
    /// 3).</summary>
    public static double Quantile999(int df)
    {
        const double z = 3.0902;   // the standard normal's 99.9 % quantile
        double a = 2.0 / (9 * df);
        return df * Math.Pow(1 - a + z * Math.Sqrt(a), 3);
    }

    /// <summary>The critical one-sample Kolmogorov–Smirnov distance at α = 0.001 for n samples (1.949/√n).</summary>
    public static double KsCritical(long n) => 1.949 / Math.Sqrt(n);

    /// <summary>The critical two-sample Kolmogorov–Smirnov distance at α = 0.001 (1.949·√((n+m)/(n·m))).</summary>
    public static double KsCritical(long n, long m) => 1.949 * Math.Sqrt((n + m) / ((double)n * m));

    /// <summary>Chi-square of observed counts against expected counts.</summary>
    public static double Statistic(IReadOnlyList<double> observed, IReadOnlyList<double> expected) =>
        observed.Select((o, i) => (o - expected[i]) * (o - expected[i]) / expected[i]).Sum();

    /// <summary>Groups consecutive cells until each group expects at least <paramref name="minimum"/>; the rest joins the last
    /// group.</summary>
    public static (List<double> Observed, List<double> Expected) Group(IReadOnlyList<double> observed, IReadOnlyList<double> expected,
        double minimum = 20)
    {
        var o = new List<double>();
        var e = new List<double>();
        double so = 0, se = 0;
        for (int i = 0; i < observed.Count; i++)
        {
            so += observed[i];
            se += expected[i];
            if (se >= minimum) { o.Add(so); e.Add(se); so = se = 0; }
        }
        if (o.Count == 0) { o.Add(so); e.Add(se); }
        else { o[^1] += so; e[^1] += se; }
        return (o, e);
    }

    /// <summary>Chi-square homogeneity of two equally large samples of integers: cells of consecutive values grouped until
    /// each holds at least 40 of both together (20 expected per sample); returns the statistic and its degrees of freedom.</summary>
    public static (double Chi2, int Df) TwoSample(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("the samples must be equally large");
        long lo = Math.Min(a.Min(), b.Min()), hi = Math.Max(a.Max(), b.Max());
        var ca = new double[hi - lo + 1];
        var cb = new double[hi - lo + 1];
        foreach (var x in a) ca[x - lo]++;
        foreach (var x in b) cb[x - lo]++;
        var (ga, both) = Group(ca, ca.Select((x, i) => (x + cb[i]) / 2).ToArray());
        var (gb, _) = Group(cb, ca.Select((x, i) => (x + cb[i]) / 2).ToArray());
        double chi2 = ga.Select((x, i) => (x - gb[i]) * (x - gb[i]) / (x + gb[i])).Sum();
        return (chi2, Math.Max(1, ga.Count - 1));
    }
}
