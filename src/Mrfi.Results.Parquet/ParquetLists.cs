using Parquet;
using Parquet.Schema;

namespace Mrfi.Results.Parquet;

/// <summary>Reads a list-of-doubles column (trials.parquet's <c>output_rmse</c>) back into one array per row.</summary>
/// <remarks>Depends on Parquet.Net alone, so that Mrfi.Report (which must not load TorchSharp) compiles it in as a linked
/// source (the one file it shares: the results' layout and columns are in Mrfi.Results.Schema).</remarks>
internal static class ParquetLists
{
    /// <summary>Whether <paramref name="field"/> is the element of a list column.</summary>
    public static bool IsList(DataField field) => field.MaxRepetitionLevel > 0;

    /// <summary>The column a list element belongs to (<c>output_rmse</c> for <c>output_rmse/list/element</c>).</summary>
    public static string Column(DataField field) => IsList(field) ? field.Path.FirstPart ?? field.Name : field.Name;

    /// <summary>One array per row of the row group; a null or empty list is an empty array.</summary>
    public static async Task<double[][]> DoublesAsync(ParquetRowGroupReader group, DataField field)
    {
        if (field.ClrType != typeof(double))
            throw new InvalidDataException($"list column {Column(field)} holds {field.ClrType.Name}, not doubles");
        int count = checked((int)(group.GetMetadata(field)?.MetaData?.NumValues ?? 0));
        var values = new double[count];
        var definition = new int[count];
        var repetition = new int[count];
        await group.ReadRawAsync<double>(field, values, definition, repetition).ConfigureAwait(false);
        // Raw reading gives the defined values packed; a repetition level of 0 starts a row, and a definition level below
        // the maximum is an empty or null list (or a null element), which holds no value.
        var rows = new List<double[]>();
        var row = new List<double>();
        int next = 0;
        for (int i = 0; i < count; i++)
        {
            if (repetition[i] == 0 && i > 0)
            {
                rows.Add([.. row]);
                row.Clear();
            }
            if (definition[i] == field.MaxDefinitionLevel) row.Add(values[next++]);
        }
        if (count > 0) rows.Add([.. row]);
        return [.. rows];
    }
}
