
namespace Mrfi.Core.Configuration;

/// <summary>One <c>[gate]</c> entry: thresholds that the sweep points it names must meet after a run.</summary>
/// <param name="Point">Sweep variables fixing the points it applies to; variables not named match every value, and an empty
/// table applies to every point.</param>
/// <param name="Thresholds">Its limits, in file order.</param>
/// <param name="Interval">True: the confidence interval's worse end must meet the limit; false: the estimate must.</param>
/// <param name="Confidence">Confidence level of the intervals.</param>
/// <param name="Location">Where the entry starts.</param>
public sealed record GateSection(
    SweepValues Point, IReadOnlyList<GateThreshold> Thresholds, bool Interval, double Confidence, SourceLocation Location)
{
    /// <summary>Whether a sweep point with these variable values is one this entry applies to.</summary>
    public bool Matches(SweepValues sweep) =>
        Point.All(p => sweep.TryGetValue(p.Key, out double v) && SameValue(v, p.Value))
        && Point.Texts.All(p => sweep.Texts.TryGetValue(p.Key, out var text) && text == p.Value);

    /// <summary>Sweep values are compared with a relative tolerance, so that <c>1e-4</c> in the gate matches <c>0.0001</c> in the
    /// sweep.</summary>
    internal static bool SameValue(double a, double b) => a == b || Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));
}
