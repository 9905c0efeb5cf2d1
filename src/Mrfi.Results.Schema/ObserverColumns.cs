using static Mrfi.Results.Schema.ColumnKind;

namespace Mrfi.Results.Schema;

/// <summary>The columns of <c>observers.parquet</c>: one row per trial, observed module and metric (or saved value).</summary>
public static class ObserverColumns
{
    /// <summary>The trial, as in trials.parquet.</summary>
    public const string Trial = TrialColumns.Trial;

    /// <summary>The observed module's name ("" for the model's output).</summary>
    public const string Layer = "layer";

    /// <summary>Where in the module: its input ("pre") or its output ("after").</summary>
    public const string Position = "position";

    /// <summary>The observer's name.</summary>
    public const string Observer = "observer";

    /// <summary>The metric (or, for saved values, what they are: golden, faulty, size).</summary>
    public const string Metric = "metric";

    /// <summary>The element's flat index for saved values; null for a metric.</summary>
    public const string Index = "index";

    /// <summary>The value; null where the module never ran.</summary>
    public const string Value = "value";

    /// <summary>observers.parquet.</summary>
    public static readonly TableSchema Table = new("observers",
    [
        new(Trial, Integer), new(Layer, Text), new(Position, Text), new(Observer, Text), new(Metric, Text),
        new(Index, Integer, Nullable: true), new(Value, Float, Nullable: true),
    ]);
}
