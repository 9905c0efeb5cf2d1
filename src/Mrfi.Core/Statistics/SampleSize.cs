namespace Mrfi.Core.Statistics;

/// <summary>Statistical fault-injection sample sizes (Leveugle, Calvez, Maistri, Vanhauwaert, DATE 2009) and the normal
/// quantiles they need.</summary>
public static class SampleSize
{
    /// <summary>Faults to inject, one per experiment, so that the observed failure rate is within ±<paramref name="margin"/>
    /// of the population's at <paramref name="confidence"/>: n = N / (1 + e²(N−1) / (t² p(1−p))), finite population N,
    /// p = 0.5 (the worst case) unless given.</summary>
    public static long Leveugle(double population, double margin, double confidence, double p = 0.5)
    {
        if (!(margin > 0 && margin < 1)) throw new ArgumentOutOfRangeException(nameof(margin), margin, "margin must lie between 0 and 1");
        double t = Z(confidence);
        double n = population / (1 + margin * margin * (population - 1) / (t * t * p * (1 - p)));
        return (long)Math.Ceiling(n);
    }

    /// <summary>The two-sided normal quantile for a confidence level (0.95 → 1.96).</summary>
    public static double Z(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must lie between 0 and 1");
        return InverseNormal(1 - (1 - confidence) / 2);
    }

    /// <summary>Inverse of the standard normal CDF (Acklam's rational approximation refined by one Newton step; error about
    /// 1e-7).</summary>
    public static double InverseNormal(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01,
            2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00,
            2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        double x;
        if (p < 0.02425)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q
                + 1);
        }
        else if (p > 1 - 0.02425)
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q
                + 1);
        }
        else
        {
            double q = p - 0.5, r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        // One Newton step on the CDF (erfc from a high-precision series) sharpens the approximation.
        double e = 0.5 * Erfc(-x / Math.Sqrt(2)) - p;
        double u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    private static double Erfc(double x)
    {
        // Numerical Recipes' erfc with fractional error below 1.2e-7.
        double z = Math.Abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223
            + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
            + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
