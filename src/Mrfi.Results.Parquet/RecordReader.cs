using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;
using Parquet;
using Parquet.Schema;

namespace Mrfi.Results.Parquet;

/// <summary>Reads trials and observers files (whole or part) back into records: for resuming, merging shards and checking.
/// A file that cannot be read is an error naming it — never silently skipped.</summary>
internal static class RecordReader
{
    public static async Task<List<TrialRecord>> TrialsAsync(string path, IReadOnlyList<string> sweepNames)
    {
        var columns = await ReadAsync(path).ConfigureAwait(false);
        int n = columns["trial"].Length;
        var rows = new List<TrialRecord>(n);
        for (int i = 0; i < n; i++)
        {
            long L(string c) => (long)columns[c].GetValue(i)!;
            double D(string c) => (double)columns[c].GetValue(i)!;
            // A text variable's column holds strings (format = "int8"), a numeric one doubles.
            var sweep = new SweepValues(sweepNames.Select(s => KeyValuePair.Create(s, columns[s].GetValue(i) ?? double.NaN)));
            rows.Add(new TrialRecord(L("trial"), (int)columns["point"].GetValue(i)!, (int)columns["repeat"].GetValue(i)!, L("seed"),
                sweep, D("accuracy"), D("golden_accuracy"), D("float_accuracy"), L("correct"), L("total"),
                L("changed"), L("faults"), D("elapsed_s"), (DateTime)columns["finished_at"].GetValue(i)!)
            {
                Top5Correct = L("top5_correct"), Masked = L("masked"), Tolerable = L("tolerable"), Sdc = L("sdc"), CriticalSdc = L("critical_sdc"), Due = L("due"),
                // Files written before these columns existed hold classifier trials.
                Output = columns.TryGetValue("output", out var output) ? (string)output.GetValue(i)! : "classes",
                Rmse = columns.ContainsKey("rmse") ? D("rmse") : double.NaN,
                MaxDeviation = columns.ContainsKey("max_deviation") ? D("max_deviation") : double.NaN,
            });
        }
        return rows;
    }

    public static async Task<List<ObserverRecord>> ObserversAsync(string path)
    {
        var columns = await ReadAsync(path).ConfigureAwait(false);
        int n = columns["trial"].Length;
        var rows = new List<ObserverRecord>(n);
        for (int i = 0; i < n; i++)
        {
            rows.Add(new ObserverRecord((long)columns["trial"].GetValue(i)!, (string)columns["layer"].GetValue(i)!, (string)columns["position"].GetValue(i)!,
                (string)columns["observer"].GetValue(i)!, (string)columns["metric"].GetValue(i)!, (double?)columns["value"].GetValue(i), (long?)columns["index"].GetValue(i)));
        }
        return rows;
    }

    public static async Task<List<FaultRecord>> FaultsAsync(string path)
    {
        var c = await ReadAsync(path).ConfigureAwait(false);
        int n = c["trial"].Length;
        var rows = new List<FaultRecord>(n);
        // Files written before MX scale faults existed have no part column: every row is an element.
        var part = c.GetValueOrDefault("part");
        for (int i = 0; i < n; i++)
        {
            rows.Add(new FaultRecord((long)c["trial"].GetValue(i)!, (int)c["batch"].GetValue(i)!, (string)c["layer"].GetValue(i)!, (string)c["tensor"].GetValue(i)!,
                (string)c["entry"].GetValue(i)!, (long)c["index"].GetValue(i)!, (string)c["coordinates"].GetValue(i)!, (long)c["bits"].GetValue(i)!,
                (double)c["original"].GetValue(i)!, (double)c["faulty"].GetValue(i)!, (long?)c["original_int"].GetValue(i), (long?)c["faulty_int"].GetValue(i),
                (string?)part?.GetValue(i) ?? "element"));
        }
        return rows;
    }

    /// <summary>The trial column alone (a shard's progress, duplicates and gaps without reading whole tables).</summary>
    public static async Task<long[]> TrialIdsAsync(string path) =>
        (long[])(await ReadAsync(path, "trial").ConfigureAwait(false)).GetValueOrDefault("trial", Array.Empty<long>());

    private static async Task<Dictionary<string, Array>> ReadAsync(string path, string? only = null)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
            var fields = reader.Schema.GetDataFields().Where(f => only is null || f.Name == only).ToArray();
            var result = fields.ToDictionary(f => f.Name, f => (Array)Array.CreateInstance(Element(f), 0));
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int rows = (int)group.RowCount;
                foreach (var field in fields)
                {
                    var part = await ReadColumnAsync(group, field, rows).ConfigureAwait(false);
                    var joined = Array.CreateInstance(Element(field), result[field.Name].Length + part.Length);
                    Array.Copy(result[field.Name], joined, result[field.Name].Length);
                    Array.Copy(part, 0, joined, result[field.Name].Length, part.Length);
                    result[field.Name] = joined;
                }
            }
            return result;
        }
        catch (Exception e) when (e is not MrfiException and not OutOfMemoryException)
        {
            throw new MrfiException($"{path} cannot be read ({e.GetType().Name}: {e.Message}); it is incomplete or corrupt — delete it to run its trials again", e);
        }
    }

    private static Type Element(DataField f) => f switch
    {
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
        if (type == typeof(long)) { var m = new long[rows]; await group.ReadAsync<long>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(long?)) { var m = new long?[rows]; await group.ReadAsync<long>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(int)) { var m = new int[rows]; await group.ReadAsync<int>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(double)) { var m = new double[rows]; await group.ReadAsync<double>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(double?)) { var m = new double?[rows]; await group.ReadAsync<double>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(DateTime)) { var m = new DateTime[rows]; await group.ReadAsync<DateTime>(field, m).ConfigureAwait(false); return m; }
        if (type == typeof(string)) { var m = new string?[rows]; await group.ReadAsync(field, m.AsMemory()).ConfigureAwait(false); return m; }
        throw new InvalidDataException($"column {field.Name} has an unexpected type {type}");
    }
}
