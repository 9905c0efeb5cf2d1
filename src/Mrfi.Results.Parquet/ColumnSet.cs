using Parquet;
using Parquet.Schema;

namespace Mrfi.Results.Parquet;

/// <summary>Builds a one-row-group Parquet file column by column from a list of rows.</summary>
/// <remarks>Only signed integers, doubles, strings and UTC microsecond timestamps are written: types that
/// pandas, DuckDB and Spark all read without legacy paths (no INT96, no unsigned, no decimal).</remarks>
/// <param name="declared">For trials.parquet and points.parquet: the table's name and its fixed columns in
/// <see cref="Mrfi.Core.Campaigns.ResultColumns"/>, which the columns other than the sweep ones must equal, in order.</param>
/// <param name="sweep">The sweep columns of this table.</param>
internal sealed class ColumnSet<TRow>((string Table, IReadOnlyList<string> Columns)? declared = null, IReadOnlyCollection<string>? sweep = null)
{
    private readonly List<(Field Field, Func<IReadOnlyList<TRow>, ParquetRowGroupWriter, Task> Write)> _columns = [];

    public ColumnSet<TRow> Long(string name, Func<TRow, long> get) => Add(new DataField<long>(name), get);

    public ColumnSet<TRow> Int(string name, Func<TRow, int> get) => Add(new DataField<int>(name), get);

    public ColumnSet<TRow> Double(string name, Func<TRow, double> get) => Add(new DataField<double>(name), get);

    public ColumnSet<TRow> NullableLong(string name, Func<TRow, long?> get)
    {
        var field = new DataField<long?>(name);
        _columns.Add((field, (rows, rg) => rg.WriteAsync<long>(field, rows.Select(get).ToArray())));
        return this;
    }

    public ColumnSet<TRow> NullableDouble(string name, Func<TRow, double?> get)
    {
        var field = new DataField<double?>(name);
        _columns.Add((field, (rows, rg) => rg.WriteAsync<double>(field, rows.Select(get).ToArray())));
        return this;
    }

    public ColumnSet<TRow> String(string name, Func<TRow, string> get)
    {
        var field = new DataField<string>(name);
        _columns.Add((field, (rows, rg) => rg.WriteAsync(field, rows.Select(get).ToArray())));
        return this;
    }

    /// <summary>A list of doubles per row (a Parquet LIST of non-null doubles; an empty row is an empty list).</summary>
    public ColumnSet<TRow> DoubleList(string name, Func<TRow, IReadOnlyList<double>> get)
    {
        var element = new DataField<double?>("element");
        var field = new ListField(name, element);
        _columns.Add((field, (rows, rg) =>
        {
            // Parquet.Net derives the definition levels from the nullable values and takes the repetition levels: 0 starts a row.
            var lists = rows.Select(get).ToList();
            if (lists.Any(l => l.Count == 0)) throw new InvalidOperationException($"{name}: an empty list cannot be written with repetition levels alone");
            double?[] values = [.. lists.SelectMany(l => l.Select(v => (double?)v))];
            int[] repetition = [.. lists.SelectMany(l => l.Select((_, i) => i == 0 ? 0 : 1))];
            return rg.WriteAsync<double>(element, values, repetition);
        }));
        return this;
    }

    public ColumnSet<TRow> Timestamp(string name, Func<TRow, DateTime> get)
    {
        var field = new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros);
        _columns.Add((field, (rows, rg) => rg.WriteAsync<DateTime>(field, rows.Select(r => DateTime.SpecifyKind(get(r), DateTimeKind.Utc)).ToArray())));
        return this;
    }

    public async Task WriteAsync(string path, IReadOnlyList<TRow> rows)
    {
        CheckDeclared();
        var schema = new ParquetSchema(_columns.Select(c => c.Field));
        await AtomicFile.WriteAsync(path, async stream =>
        {
            var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
            await using var writer = await ParquetWriter.CreateAsync(schema, stream, options).ConfigureAwait(false);
            using var rowGroup = writer.CreateRowGroup();
            foreach (var (_, write) in _columns) await write(rows, rowGroup).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>A column written here but not declared would take a name that a sweep variable may still use.</summary>
    private void CheckDeclared()
    {
        if (declared is not { } d) return;
        var (table, columns) = d;
        var written = _columns.Select(c => c.Field.Name).Where(n => sweep?.Contains(n) != true).ToList();
        if (written.SequenceEqual(columns)) return;
        throw new InvalidOperationException(
            $"{table} columns differ from Mrfi.Core.Campaigns.ResultColumns (not declared: [{string.Join(", ", written.Except(columns))}]; " +
            $"not written: [{string.Join(", ", columns.Except(written))}]; or another order): declare a new column there, which reserves its name");
    }

    private ColumnSet<TRow> Add<T>(DataField<T> field, Func<TRow, T> get) where T : struct
    {
        _columns.Add((field, (rows, rg) => rg.WriteAsync<T>(field, rows.Select(get).ToArray())));
        return this;
    }
}
