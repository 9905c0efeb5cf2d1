namespace Mrfi.Results.Schema;

/// <summary>The tables of a results folder and the names a sweep variable or a script tag may not take.</summary>
public static class ResultsSchema
{
    /// <summary>Every table, trials first.</summary>
    public static readonly IReadOnlyList<TableSchema> Tables =
        [TrialColumns.Table, PointColumns.Table, ObserverColumns.Table, FaultColumns.Table];

    /// <summary>The fixed columns of the tables that also get one column per sweep variable (trials.parquet, points.parquet),
    /// sorted: a sweep variable of such a name would be a second column of that name.</summary>
    public static readonly IReadOnlyList<string> Reserved =
        [.. Tables.Where(t => t.SweepAfter is not null).SelectMany(t => t.Names).Distinct().Order(StringComparer.Ordinal)];

    private static readonly HashSet<string> ReservedSet = [.. Reserved];

    /// <summary>Whether <paramref name="name"/> is a fixed column of a table with sweep columns.</summary>
    public static bool IsReserved(string name) => ReservedSet.Contains(name);

    /// <summary>The sentence that refuses <paramref name="name"/> as <paramref name="what"/> ("[sweep] variable", "tag"),
    /// listing the reserved names.</summary>
    public static string Clash(string what, string name) =>
        $"{what} '{name}' would clash with a column of " +
        $"{string.Join(" or ", Tables.Where(t => t.SweepAfter is not null).Select(t => t.File))}; " +
        $"choose another name (reserved: {string.Join(", ", Reserved)})";
}
