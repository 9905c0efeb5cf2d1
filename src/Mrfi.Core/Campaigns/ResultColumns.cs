namespace Mrfi.Core.Campaigns;

/// <summary>The fixed columns of the two results tables that also get one column per sweep variable (or script tag):
/// trials.parquet and points.parquet. The one list of them: the writer refuses to write a table whose fixed columns differ
/// from it, the config check and the script's tags refuse these names, and the report tells the sweep columns apart by it.</summary>
/// <remarks>Depends on nothing but the BCL, so that Mrfi.Report (which must not load TorchSharp) compiles it in as a linked
/// source. A new column of either table goes here first; until then the writer stops with a message saying so.</remarks>
internal static class ResultColumns
{
    /// <summary>trials.parquet in file order; the sweep columns follow <c>seed</c>.</summary>
    public static readonly IReadOnlyList<string> Trials =
    [
        "trial", "point", "repeat", "seed", "accuracy", "golden_accuracy", "float_accuracy", "correct", "total", "changed", "faults",
        "top5_correct", "masked", "tolerable", "sdc", "critical_sdc", "due", "accuracy_low", "accuracy_high",
        "top5_accuracy", "top5_accuracy_low", "top5_accuracy_high", "sdc_rate", "sdc_rate_low", "sdc_rate_high",
        "critical_sdc_rate", "critical_sdc_rate_low", "critical_sdc_rate_high", "due_rate", "due_rate_low", "due_rate_high",
        "masked_rate", "masked_rate_low", "masked_rate_high", "elapsed_s", "finished_at", "output", "rmse", "max_deviation",
        "output_rmse",
    ];

    /// <summary>points.parquet in file order; the sweep columns follow <c>point</c>.</summary>
    public static readonly IReadOnlyList<string> Points =
    [
        "point", "trials", "samples", "golden_accuracy", "accuracy_mean", "accuracy_t_low", "accuracy_t_high", "faults_mean",
        "sdc_rate", "sdc_rate_low", "sdc_rate_high", "critical_sdc_rate", "critical_sdc_rate_low", "critical_sdc_rate_high",
        "due_rate", "due_rate_low", "due_rate_high", "masked_rate", "masked_rate_low", "masked_rate_high",
    ];

    /// <summary>The names a sweep variable or a script tag may not take (a second column of that name), sorted.</summary>
    public static readonly IReadOnlyList<string> Reserved = [.. Trials.Union(Points).Order(StringComparer.Ordinal)];

    private static readonly HashSet<string> ReservedSet = [.. Reserved];

    /// <summary>Whether <paramref name="name"/> is a fixed column of trials.parquet or points.parquet.</summary>
    public static bool IsReserved(string name) => ReservedSet.Contains(name);

    /// <summary>The sentence that refuses <paramref name="name"/> as <paramref name="what"/>, listing the reserved names.</summary>
    public static string Clash(string what, string name) =>
        $"{what} '{name}' would clash with a column of trials.parquet or points.parquet; choose another name " +
        $"(reserved: {string.Join(", ", Reserved)})";
}
