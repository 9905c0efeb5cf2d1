using Mrfi.Results.Schema;
using Parquet;
using Parquet.Schema;

namespace Mrfi.Results.Parquet;

/// <summary>Builds a one-row-group Parquet file column by column from a list of rows.</summary>
/// <remarks>Only signed integers, doubles, strings and UTC microsecond timestamps are written: types that
/// pandas, DuckDB and Spark all read without legacy paths (no INT96, no unsigned, no decimal).</remarks>
/// <param name="declared">The table's schema (<see cref="Mrfi.Results.Schema"/>), which the columns other than the sweep ones
/// must equal, in order and kind; null only where a test writes the layout of an older version.</param>
/// <param name="sweep">The sweep columns of this table.</param>
internal sealed class ColumnSet<TRow>(TableSchema? declared, IReadOnlyCollection<string>? sweep = null)
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
            if (lists.Any(l => l.Count == 0))
                throw new InvalidOperationException($"{name}: an empty list cannot be written with repetition levels alone");
            double?[] values = [.. lists.SelectMany(l => l.Select(v => (double?)v))];
            int[] repetition = [.. lists.SelectMany(l => l.Select((_, i) => i == 0 ? 0 : 1))];
            return rg.WriteAsync<double>(element, values, repetition);
        }));
        return this;
    }

    public ColumnSet<TRow> Timestamp(string name, Func<TRow, DateTime> get)
    {
        var field = new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros);
        _columns.Add((field, (rows, rg) =>
            rg.WriteAsync<DateTime>(field, rows.Select(r => DateTime.SpecifyKind(get(r), DateTimeKind.Utc)).ToArray())));
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

    /// <summary>A column written here but not declared would take a name that a sweep variable may still use, and one of
    /// another kind would break readers that trust the schema.</summary>
    private void CheckDeclared()
    {
        if (declared is null) return;
        var written = _columns.Select(c => c.Field).Where(f => sweep?.Contains(f.Name) != true).Select(Declared).ToList();
        if (written.SequenceEqual(declared.Columns)) return;
        throw new InvalidOperationException(
            $"{declared.File} columns differ from Mrfi.Results.Schema (not declared: " +
            $"[{string.Join(", ", written.Except(declared.Columns))}]; " +
            $"not written: [{string.Join(", ", declared.Columns.Except(written))}]; or another order): declare a new column there, which " +
            $"reserves its name");
    }

    /// <summary>A written field as the schema states it: Parquet.Net marks every string column optional, so only numbers
    /// say whether they hold nulls.</summary>
    private static Column Declared(Field field) => KindOf(field) is var kind && kind is ColumnKind.Text or ColumnKind.FloatList
        ? new Column(field.Name, kind)
        : new Column(field.Name, kind, field.IsNullable);

    private static ColumnKind KindOf(Field field) => field switch
    {
        DateTimeDataField => ColumnKind.Timestamp,
        ListField { Item: DataField e } when e.ClrType == typeof(double) => ColumnKind.FloatList,
        // Parquet.Net 6 reports string fields as ReadOnlyMemory<char>.
        DataField f when f.ClrType == typeof(string) || f.ClrType == typeof(ReadOnlyMemory<char>) => ColumnKind.Text,
        DataField f when f.ClrType == typeof(double) => ColumnKind.Float,
        DataField f when f.ClrType == typeof(long) || f.ClrType == typeof(int) => ColumnKind.Integer,
        _ => throw new InvalidOperationException($"column {field.Name}: mrfi writes only integers, doubles, strings and timestamps"),
    };

    private ColumnSet<TRow> Add<T>(DataField<T> field, Func<TRow, T> get) where T : struct
    {
        _columns.Add((field, (rows, rg) => rg.WriteAsync<T>(field, rows.Select(get).ToArray())));
        return this;
    }
}
