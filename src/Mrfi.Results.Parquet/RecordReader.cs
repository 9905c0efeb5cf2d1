using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Injection;
using Mrfi.Core.Configuration;
using Parquet;
using Parquet.Schema;
using C = Mrfi.Results.Schema.TrialColumns;
using F = Mrfi.Results.Schema.FaultColumns;
using O = Mrfi.Results.Schema.ObserverColumns;

namespace Mrfi.Results.Parquet;

/// <summary>Reads trials and observers files (whole or part) back into records: for resuming, merging shards and checking.
/// A file that cannot be read is an error naming it — never silently skipped.</summary>
internal static class RecordReader
{
    public static async Task<List<TrialRecord>> TrialsAsync(string path, IReadOnlyList<string> sweepNames)
    {
        var columns = await ReadAsync(path).ConfigureAwait(false);
        int n = columns[C.Trial].Length;
        var rows = new List<TrialRecord>(n);
        for (int i = 0; i < n; i++)
        {
            long L(string c) => (long)columns[c].GetValue(i)!;
            double D(string c) => (double)columns[c].GetValue(i)!;
            // A text variable's column holds strings (format = "int8"), a numeric one doubles.
            var sweep = new SweepValues(sweepNames.Select(s => KeyValuePair.Create(s, columns[s].GetValue(i) ?? double.NaN)));
            rows.Add(new TrialRecord(L(C.Trial), (int)columns[C.Point].GetValue(i)!, (int)columns[C.Repeat].GetValue(i)!, L(C.Seed),
                sweep, D(C.Accuracy), D(C.GoldenAccuracy), D(C.FloatAccuracy), L(C.Correct), L(C.Total),
                L(C.Changed), L(C.Faults), D(C.ElapsedSeconds), (DateTime)columns[C.FinishedAt].GetValue(i)!)
            {
                Top5Correct = L(C.Top5Correct), Masked = L(C.Masked), Tolerable = L(C.Tolerable), Sdc = L(C.Sdc),
                CriticalSdc = L(C.CriticalSdc), Due = L(C.Due),
                // Files written before these columns existed hold classifier trials.
                Output = columns.TryGetValue(C.Output, out var output) ? (string)output.GetValue(i)! : "classes",
                Rmse = columns.ContainsKey(C.Rmse) ? D(C.Rmse) : double.NaN,
                MaxDeviation = columns.ContainsKey(C.MaxDeviation) ? D(C.MaxDeviation) : double.NaN,
                OutputRmse = columns.TryGetValue(C.OutputRmse, out var outputRmse) ? (double[])outputRmse.GetValue(i)! : [],
            });
        }
        return rows;
    }

    public static async Task<List<ObserverRecord>> ObserversAsync(string path)
    {
        var columns = await ReadAsync(path).ConfigureAwait(false);
        int n = columns[O.Trial].Length;
        var rows = new List<ObserverRecord>(n);
        for (int i = 0; i < n; i++)
        {
            rows.Add(new ObserverRecord((long)columns[O.Trial].GetValue(i)!, (string)columns[O.Layer].GetValue(i)!,
                (string)columns[O.Position].GetValue(i)!,
                (string)columns[O.Observer].GetValue(i)!, (string)columns[O.Metric].GetValue(i)!, (double?)columns[O.Value].GetValue(i),
                (long?)columns[O.Index].GetValue(i)));
        }
        return rows;
    }

    public static async Task<List<FaultRecord>> FaultsAsync(string path)
    {
        var c = await ReadAsync(path).ConfigureAwait(false);
        int n = c[F.Trial].Length;
        var rows = new List<FaultRecord>(n);
        // Files written before MX scale faults existed have no part column: every row is an element.
        var part = c.GetValueOrDefault(F.Part);
        for (int i = 0; i < n; i++)
        {
            rows.Add(new FaultRecord((long)c[F.Trial].GetValue(i)!, (int)c[F.Batch].GetValue(i)!, (string)c[F.Layer].GetValue(i)!,
                (string)c[F.Tensor].GetValue(i)!,
                (string)c[F.Entry].GetValue(i)!, (long)c[F.Index].GetValue(i)!, (string)c[F.Coordinates].GetValue(i)!,
                (long)c[F.Bits].GetValue(i)!,
                (double)c[F.Original].GetValue(i)!, (double)c[F.Faulty].GetValue(i)!, (long?)c[F.OriginalInt].GetValue(i),
                (long?)c[F.FaultyInt].GetValue(i),
                (string?)part?.GetValue(i) ?? "element"));
        }
        return rows;
    }

    /// <summary>The trial column alone (a shard's progress, duplicates and gaps without reading whole tables).</summary>
    public static async Task<long[]> TrialIdsAsync(string path) =>
        (long[])(await ReadAsync(path, C.Trial).ConfigureAwait(false)).GetValueOrDefault(C.Trial, Array.Empty<long>());

    private static async Task<Dictionary<string, Array>> ReadAsync(string path, string? only = null)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
            var fields = reader.Schema.GetDataFields().Where(f => only is null || ParquetLists.Column(f) == only).ToArray();
            var result = fields.ToDictionary(ParquetLists.Column, f => (Array)Array.CreateInstance(Element(f), 0));
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int rows = (int)group.RowCount;
                foreach (var field in fields)
                {
                    string name = ParquetLists.Column(field);
                    var part = await ReadColumnAsync(group, field, rows).ConfigureAwait(false);
                    var joined = Array.CreateInstance(Element(field), result[name].Length + part.Length);
                    Array.Copy(result[name], joined, result[name].Length);
                    Array.Copy(part, 0, joined, result[name].Length, part.Length);
                    result[name] = joined;
                }
            }
            return result;
        }
        catch (Exception e) when (e is not MrfiException and not OutOfMemoryException)
        {
            throw new MrfiException($"{path} cannot be read ({e.GetType().Name}: {e.Message}); it is incomplete or corrupt — delete it " +
                $"to run its trials again", e);
        }
    }

    private static Type Element(DataField f) => f switch
    {
        _ when ParquetLists.IsList(f) => typeof(double[]),
        DateTimeDataField => typeof(DateTime),
        _ when f.ClrType == typeof(long) && f.IsNullable => typeof(long?),
        // observers' value: null where a module never ran (files written before that was possible hold plain doubles)
        _ when f.ClrType == typeof(double) && f.IsNullable => typeof(double?),
        _ when f.ClrType == typeof(ReadOnlyMemory<char>) => typeof(string),   // Parquet.Net 6 reports strings this way
        _ => f.ClrType,
    };

    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        var type = Element(field);
        if (type == typeof(double[])) return await ParquetLists.DoublesAsync(group, field).ConfigureAwait(false);
        if (type == typeof(long)) { var m = new long[rows]; await group.ReadAsync<long>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(long?)) { var m = new long?[rows]; await group.ReadAsync<long>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(int)) { var m = new int[rows]; await group.ReadAsync<int>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(double)) { var m = new double[rows]; await group.ReadAsync<double>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(double?)) { var m = new double?[rows]; await group.ReadAsync<double>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(DateTime))
            { var m = new DateTime[rows]; await group.ReadAsync<DateTime>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(string))
            { var m = new string?[rows]; await group.ReadAsync(field, m.AsMemory()).ConfigureAwait(false); return m; }
        throw new InvalidDataException($"column {field.Name} has an unexpected type {type}");
    }
}
