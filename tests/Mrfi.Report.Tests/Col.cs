using Parquet;
using Parquet.Schema;

namespace Mrfi.Report.Tests;

/// <summary>One column of a fixture table: its field and how to write its values into a row group.</summary>
internal sealed record Col(Field Field, Func<ParquetRowGroupWriter, Task> Write)
{
    public static Col Of(string name, long[] values)
        { var f = new DataField<long>(name); return new(f, g => g.WriteAsync<long>(f, values)); }

    public static Col Of(string name, int[] values) { var f = new DataField<int>(name); return new(f, g => g.WriteAsync<int>(f, values)); }

    public static Col Of(string name, double[] values)
        { var f = new DataField<double>(name); return new(f, g => g.WriteAsync<double>(f, values)); }

    public static Col Of(string name, double?[] values)
        { var f = new DataField<double?>(name); return new(f, g => g.WriteAsync<double>(f, values)); }

    public static Col Of(string name, long?[] values)
        { var f = new DataField<long?>(name); return new(f, g => g.WriteAsync<long>(f, values)); }

    /// <summary>A list of doubles per row, as trials.parquet's output_rmse.</summary>
    public static Col Of(string name, double[][] rows)
    {
        var element = new DataField<double?>("element");
        double?[] values = [.. rows.SelectMany(r => r.Select(v => (double?)v))];
        int[] repetition = [.. rows.SelectMany(r => r.Select((_, i) => i == 0 ? 0 : 1))];
        return new(new ListField(name, element), g => g.WriteAsync<double>(element, values, repetition));
    }

    public static Col Of(string name, string[] values) { var f = new DataField<string>(name); return new(f, g => g.WriteAsync(f, values)); }
}
