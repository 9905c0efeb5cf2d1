namespace Mrfi.Results.Schema;

/// <summary>One results table: its name, its fixed columns in file order and where its sweep columns go.</summary>
/// <param name="Name">The table's name: its dataset folder (<c>trials/</c>) and the stem of its merged file
/// (<c>trials.parquet</c>).</param>
/// <param name="Columns">The fixed columns in file order.</param>
/// <param name="SweepAfter">The fixed column that the sweep columns (one per sweep variable or script tag) follow; null
/// for a table without sweep columns.</param>
public sealed record TableSchema(string Name, IReadOnlyList<Column> Columns, string? SweepAfter = null)
{
    /// <summary>The merged file's name, e.g. <c>trials.parquet</c>.</summary>
    public string File => Name + ".parquet";

    /// <summary>The fixed columns' names in file order.</summary>
    public IReadOnlyList<string> Names => [.. Columns.Select(c => c.Name)];

    /// <summary>The fixed column named <paramref name="name"/>, or null for a sweep column or an unknown one.</summary>
    public Column? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>Every column name in file order, <paramref name="sweep"/> in its place.</summary>
    public IReadOnlyList<string> NamesWith(IReadOnlyList<string> sweep)
    {
        if (SweepAfter is null) return Names;
        int at = Columns.Select(c => c.Name).ToList().IndexOf(SweepAfter) + 1;
        return [.. Names.Take(at), .. sweep, .. Names.Skip(at)];
    }
}
