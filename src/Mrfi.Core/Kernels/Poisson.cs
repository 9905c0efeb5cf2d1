namespace Mrfi.Core.Kernels;

/// <summary>Exact Poisson draws from a <see cref="ManagedRandom"/>: inversion below λ = 10, Hörmann's transformed rejection
/// with squeeze (PTRS, 1993) above, so the cost is O(1) for any λ (a million faults per forward included).</summary>
internal static class Poisson
{
    public static long Draw(double lambda, ref ManagedRandom random)
    {
        if (!(lambda > 0)) return 0;
        return lambda < 10 ? Inversion(lambda, ref random) : Ptrs(lambda, ref random);
    }

    /// <summary>Walks the CDF from 0: on average λ + 1 steps.</summary>
    private static long Inversion(double lambda, ref ManagedRandom random)
    {
        double u = random.NextDouble();
        double p = Math.Exp(-lambda), cdf = p;
        long k = 0;
        // The CDF in doubles may stop just short of 1; past k = 1000 (probability below 1e-600 for λ < 10) stop there.
        while (u >= cdf && k < 1000)
        {
            k++;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }

    /// <summary>W. Hörmann, "The transformed rejection method for generating Poisson random variables" (1993), algorithm PTRS.</summary>
    private static long Ptrs(double lambda, ref ManagedRandom random)
    {
        double slam = Math.Sqrt(lambda), logLambda = Math.Log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            double u = random.NextDouble() - 0.5;
            double v = random.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) return (long)k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.Log(v) + Math.Log(invAlpha) - Math.Log(a / (us * us) + b) <= -lambda + k * logLambda - LogFactorial((long)k))
                return (long)k;
        }
    }

    private static readonly double[] SmallLogFactorials = BuildTable(256);

    /// <summary>ln k!: a table below 256, Stirling's series (error below 1e-17 there) above.</summary>
    public static double LogFactorial(long k)
    {
        if (k < SmallLogFactorials.Length) return SmallLogFactorials[k];
        double x = k, inv = 1 / x, inv2 = inv * inv;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI * x) + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }

    private static double[] BuildTable(int n)
    {
        var table = new double[n];
        for (int k = 2; k < n; k++) table[k] = table[k - 1] + Math.Log(k);
        return table;
    }
}
