using static Mrfi.Results.Schema.ColumnKind;

namespace Mrfi.Results.Schema;

/// <summary>The columns of <c>faults.parquet</c> (<c>[run] fault_records</c>): one row per value a fault changed.</summary>
public static class FaultColumns
{
    /// <summary>The trial, as in trials.parquet.</summary>
    public const string Trial = TrialColumns.Trial;

    /// <summary>The batch within the trial.</summary>
    public const string Batch = "batch";

    /// <summary>The faulted module.</summary>
    public const string Layer = ObserverColumns.Layer;

    /// <summary>Which tensor of it (activation or a parameter).</summary>
    public const string Tensor = "tensor";

    /// <summary>The [[fault_inject]] entry.</summary>
    public const string Entry = "entry";

    /// <summary>The value's flat index.</summary>
    public const string Index = ObserverColumns.Index;

    /// <summary>The value's coordinates in the tensor.</summary>
    public const string Coordinates = "coordinates";

    /// <summary>The flipped bits as a mask.</summary>
    public const string Bits = "bits";

    /// <summary>The value before the fault.</summary>
    public const string Original = "original";

    /// <summary>The value after the fault.</summary>
    public const string Faulty = "faulty";

    /// <summary>The quantized integer before the fault; null without quantization.</summary>
    public const string OriginalInt = "original_int";

    /// <summary>The quantized integer after the fault; null without quantization.</summary>
    public const string FaultyInt = "faulty_int";

    /// <summary>What was hit: an element, or an MX block's shared scale.</summary>
    public const string Part = "part";

    /// <summary>faults.parquet.</summary>
    public static readonly TableSchema Table = new("faults",
    [
        new(Trial, Integer), new(Batch, Integer), new(Layer, Text), new(Tensor, Text), new(Entry, Text), new(Index, Integer),
        new(Coordinates, Text), new(Bits, Integer), new(Original, Float), new(Faulty, Float),
        new(OriginalInt, Integer, Nullable: true), new(FaultyInt, Integer, Nullable: true), new(Part, Text),
    ]);
}
