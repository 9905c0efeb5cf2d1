using Mrfi.Results.Parquet;
using Parquet;
using Parquet.Schema;

namespace Mrfi.Report;

/// <summary>A Parquet table read column by column into boxed values, whatever its schema: the report needs no
/// knowledge of the writer's record types, only the column names documented in docs/results.md.</summary>
internal sealed class Table
{
    private readonly Dictionary<string, object?[]> _columns;

    private Table(List<string> names, Dictionary<string, object?[]> columns, int rows)
    {
        Names = names;
        _columns = columns;
        Rows = rows;
    }

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    public object? Value(string column, int row) => _columns[column][row];

    /// <summary>A list cell (output_rmse) as its doubles; empty for a null cell.</summary>
    public IReadOnlyList<double> Doubles(string column, int row) => _columns[column][row] as double[] ?? [];

    public double Double(string column, int row) =>
        Convert.ToDouble(_columns[column][row] ?? double.NaN, System.Globalization.CultureInfo.InvariantCulture);

    public long Long(string column, int row) => Convert.ToInt64(_columns[column][row], System.Globalization.CultureInfo.InvariantCulture);

    public string? String(string column, int row) => _columns[column][row] as string;

    /// <summary>Reads and concatenates <paramref name="paths"/> (parts of one table; the first file's columns are kept).</summary>
    public static Table Read(IReadOnlyList<string> paths)
    {
        var names = new List<string>();
        var columns = new Dictionary<string, List<object?>>();
        int rows = 0;
        foreach (var path in paths)
        {
            var (fileNames, fileColumns, fileRows) = ReadFile(path);
            if (names.Count == 0)
            {
                names = fileNames;
                foreach (var n in names) columns[n] = [];
            }
            foreach (var n in names)
            {
                if (!fileColumns.TryGetValue(n, out var values))
                    throw new ReportException($"{path} has no column '{n}', which the other files of the table have; it belongs to " +
                        $"another campaign");
                columns[n].AddRange(values);
            }
            rows += fileRows;
        }
        return new Table(names, columns.ToDictionary(c => c.Key, c => c.Value.ToArray()), rows);
    }

    private static (List<string> Names, Dictionary<string, object?[]> Columns, int Rows) ReadFile(string path)
    {
        try
        {
            return ReadFileAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not ReportException and not OutOfMemoryException)
        {
            throw new ReportException($"{path} cannot be read ({e.GetType().Name}: {e.Message}); it is incomplete or damaged", e);
        }
    }

    private static async Task<(List<string>, Dictionary<string, object?[]>, int)> ReadFileAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        var columns = fields.ToDictionary(ParquetLists.Column, _ => new List<object?>());
        int rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            foreach (var field in fields)
                columns[ParquetLists.Column(field)].AddRange(await ReadColumnAsync(group, field, n).ConfigureAwait(false));
            rows += n;
        }
        return ([.. fields.Select(ParquetLists.Column)], columns.ToDictionary(c => c.Key, c => c.Value.ToArray()), rows);
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        // A list per row (output_rmse): its array is the cell.
        if (ParquetLists.IsList(field)) return [.. await ParquetLists.DoublesAsync(group, field).ConfigureAwait(false)];
        if (field is DateTimeDataField) return await Boxed<DateTime>(group, field, rows).ConfigureAwait(false);
        var type = field.ClrType;
        if (type == typeof(long)) return await Boxed<long>(group, field, rows).ConfigureAwait(false);
        if (type == typeof(int)) return await Boxed<int>(group, field, rows).ConfigureAwait(false);
        if (type == typeof(double)) return await Boxed<double>(group, field, rows).ConfigureAwait(false);
        if (type == typeof(float)) return await Boxed<float>(group, field, rows).ConfigureAwait(false);
        if (type == typeof(bool)) return await Boxed<bool>(group, field, rows).ConfigureAwait(false);
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))   // Parquet.Net 6 reports strings as the latter
        {
            var values = new string?[rows];
            await group.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
            return values;
        }
        throw new InvalidDataException($"column {field.Name} has a type ({type.Name}) that mrfi does not write");
    }

    private static async Task<object?[]> Boxed<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await group.ReadAsync<T>(field, nullable.AsMemory()).ConfigureAwait(false);
            return [.. nullable.Select(v => v.HasValue ? (object)v.Value : null)];
        }
        var values = new T[rows];
        await group.ReadAsync<T>(field, values.AsMemory()).ConfigureAwait(false);
        return [.. values.Select(v => (object?)v)];
    }
}
