namespace Mrfi.Results.Schema;

/// <summary>What a column of a results table holds, as Parquet stores it.</summary>
public enum ColumnKind
{
    /// <summary>A signed integer (INT32 or INT64).</summary>
    Integer,

    /// <summary>A double; NaN where the value does not apply (accuracy of a model without class scores).</summary>
    Float,

    /// <summary>A UTF-8 string.</summary>
    Text,

    /// <summary>A UTC timestamp in microseconds.</summary>
    Timestamp,

    /// <summary>A list of doubles per row (Parquet LIST; DuckDB DOUBLE[]), one element per model output.</summary>
    FloatList,
}
