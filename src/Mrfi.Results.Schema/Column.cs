namespace Mrfi.Results.Schema;

/// <summary>One fixed column of a results table.</summary>
/// <param name="Name">The column's name in the Parquet file.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Nullable">Whether a row may hold null (observers' value where a module never ran).</param>
public sealed record Column(string Name, ColumnKind Kind, bool Nullable = false)
{
    /// <summary>"rmse (Float)", "index (Integer, nullable)": how messages name a column.</summary>
    public override string ToString() => $"{Name} ({Kind}{(Nullable ? ", nullable" : "")})";
}
