using Mrfi.Core.Configuration;

namespace Mrfi.Core.Gates;

/// <summary>The outcome of one threshold at one sweep point.</summary>
/// <param name="Threshold">The threshold checked.</param>
/// <param name="Point">The sweep point (0-based).</param>
/// <param name="Sweep">Its sweep variable values.</param>
/// <param name="Estimate">The metric's estimate at the point.</param>
/// <param name="Low">Lower end of its confidence interval (NaN when it has none).</param>
/// <param name="High">Upper end of its confidence interval (NaN when it has none).</param>
/// <param name="Judged">The value compared with the limit: the interval's worse end or the estimate.</param>
/// <param name="Passed">Whether the point meets the threshold.</param>
/// <param name="Confidence">Confidence level of the interval.</param>
/// <param name="Interval">Whether the interval's worse end was judged rather than the estimate.</param>
public sealed record GateVerdict(
    GateThreshold Threshold, int Point, SweepValues Sweep, double Estimate, double Low, double High, double Judged, bool Passed,
    double Confidence, bool Interval)
{
    /// <summary>One line like a compiler diagnostic, <c>file(line,col): error: gate failed at ber = 0.0001: …</c>, which MSBuild
    /// turns into a build error pointing at the threshold's line.</summary>
    public string Message
    {
        get
        {
            var c = System.Globalization.CultureInfo.InvariantCulture;
            string where = Sweep.Names.Count == 0 ? "" : " at " + Sweep.Describe();
            string name = Threshold.Metric switch
            {
                GateMetric.Accuracy => "accuracy",
                GateMetric.Sdc => "SDC rate",
                GateMetric.CriticalSdc => "critical SDC rate",
                _ => "DUE rate",
            };
            string interval = double.IsNaN(Low) ? ""
                : $" ({(Confidence * 100).ToString("0.#", c)} % interval {Low.ToString("0.####", c)} to {High.ToString("0.####", c)})";
            string rule = Threshold.IsMinimum ? "≥" : "≤";
            string judged = !Interval ? "" : double.IsNaN(Judged) ? "; judged by its interval, which one repeat does not give"
                : $"; its {(Threshold.IsMinimum ? "lower" : "upper")} end is judged";
            return Passed
                ? $"gate passed{where}: {name} {Estimate.ToString("0.####", c)}{interval} {rule} {Threshold.Limit.ToString("G6", c)}"
                : new Diagnostic($"gate failed{where}: {name} {Estimate.ToString("0.####", c)}{interval} must stay {rule} " +
                    $"{Threshold.Limit.ToString("G6", c)} ({Threshold.Key}{judged})", Threshold.Location).ToString();
        }
    }
}
