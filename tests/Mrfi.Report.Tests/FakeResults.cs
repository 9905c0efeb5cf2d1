using Parquet;
using Parquet.Schema;

namespace Mrfi.Report.Tests;

/// <summary>Writes a results folder in the layout of docs/results.md (trials, observers, manifest) from a sweep description,
/// so the report can be tested on sweeps that no shipped campaign has yet (bit, channel, pixel, format labels).</summary>
internal sealed class FakeResults
{
    private readonly List<(string Name, object[] Values)> _sweep = [];

    public int Repeats { get; init; } = 3;

    public int Samples { get; init; } = 100;

    /// <summary>Accuracy of a trial from its sweep values and repeat.</summary>
    public Func<IReadOnlyDictionary<string, object>, int, double> Accuracy { get; init; } = (_, r) => 0.8 + 0.01 * r;

    /// <summary>How the trials compared their outputs: <c>classes</c>, or <c>tensor</c> (then accuracy and critical SDCs are
    /// NaN and 0, as `run` writes them, and <see cref="Rmse"/> gives each trial's RMSE).</summary>
    public string Output { get; init; } = "classes";

    /// <summary>RMSE of a trial from its sweep values and repeat (NaN: every sample a DUE).</summary>
    public Func<IReadOnlyDictionary<string, object>, int, double> Rmse { get; init; } = (_, r) => 0.01 * (r + 1);

    /// <summary>The names of a model's several outputs (manifest.json's outputs); empty: one output.</summary>
    public string[] Outputs { get; init; } = [];

    /// <summary>Output k's RMSE of a trial from its sweep values and repeat (written to output_rmse when there are
    /// <see cref="Outputs"/>).</summary>
    public Func<IReadOnlyDictionary<string, object>, int, int, double> OutputRmse { get; init; } = (_, r, k) => 0.01 * (r + 1) * (k + 1);

    /// <summary>SDCs of a trial from its sweep values and repeat; null: <see cref="Outcomes"/>.</summary>
    public Func<IReadOnlyDictionary<string, object>, int, long>? Sdc { get; init; }

    /// <summary>Scalar observer rows: (observer, metric, layers); value from the sweep values, layer number and repeat.</summary>
    public List<(string Observer, string Metric, string[] Layers)> Observers { get; } = [];

    /// <summary>Layers whose scalar observer rows have no value (a module that never ran), in trials where <see cref="NeverRanIn"/>
    /// holds.</summary>
    public HashSet<string> NeverRan { get; } = [];

    /// <summary>Which trials the <see cref="NeverRan"/> layers did not run in (all by default).</summary>
    public Func<long, bool> NeverRanIn { get; init; } = _ => true;

    /// <summary>Vector observers (rows with an index).</summary>
    public List<(string Observer, string Metric)> VectorObservers { get; } = [];

    /// <summary>The manifest's sweep_kinds (variable → kind); null writes a manifest of the versions before it existed.</summary>
    public Dictionary<string, string>? Kinds { get; init; }

    public FakeResults Sweep(string name, params object[] values)
    {
        // Numbers are stored as doubles, as `run` writes sweep columns.
        _sweep.Add((name, [.. values.Select(v => v is string ? v
            : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))]));
        return this;
    }

    /// <summary>Points as the cartesian product of the sweep values; trial = point × repeats + repeat.</summary>
    public List<(int Point, int Repeat, long Trial, Dictionary<string, object> Values)> Trials()
    {
        var combos = new List<Dictionary<string, object>> { new() };
        foreach (var (name, values) in _sweep)
            combos = [.. combos.SelectMany(c => values.Select(v => new Dictionary<string, object>(c) { [name] = v }))];
        return [.. combos.SelectMany((c, p) => Enumerable.Range(0, Repeats).Select(r => (p, r, (long)(p * Repeats + r), c)))];
    }

    /// <summary>Writes trials.parquet and observers.parquet (or the trials/ and observers/ datasets of shard part files when
    /// <paramref name="shards"/> &gt; 0) and a manifest.</summary>
    public string Write(string folder, int shards = 0, bool pointZero = false)
    {
        Directory.CreateDirectory(folder);
        var trials = Trials();
        if (shards == 0)
        {
            WriteTrials(Path.Combine(folder, "trials.parquet"), trials, pointZero);
            WriteObservers(Path.Combine(folder, "observers.parquet"), trials);
        }
        else
        {
            foreach (var t in trials)
            {
                string name = $"part-{t.Trial % shards}-of-{shards}-{t.Trial:D6}.parquet";
                WriteObservers(Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "observers")).FullName, name), [t]);
                WriteTrials(Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "trials")).FullName, name), [t], pointZero);
            }
        }
        File.WriteAllText(Path.Combine(folder, "manifest.json"), $$"""
            { "tool": "mrfi", "tool_version": "0.1.0", "model": "FakeNet", "status": "complete", "machine": "test",
              "config_text": "[sweep]\n# <fake> & config\n", "sweep": [{{string.Join(", ", _sweep.Select(s => $"\"{s.Name}\""))}}]{{KindsJson()}},
              "outputs": [{{string.Join(", ", Outputs.Select(o => $"\"{o}\""))}}] }
            """);
        return folder;
    }

    private string KindsJson() =>
        Kinds is null ? "" : $", \"sweep_kinds\": {{ {string.Join(", ", Kinds.Select(k => $"\"{k.Key}\": \"{k.Value}\""))} }}";

    /// <summary>Outcome counts of a trial: deterministic and different per trial, so pooled rates are not trivially equal.</summary>
    public static (long Sdc, long Critical, long Due, long Masked) Outcomes(long trial, int samples) =>
        (trial % 7 + 1, trial % 3, trial % 5 == 0 ? 1 : 0, samples / 2 - trial % 11);

    private void WriteTrials(string path, List<(int Point, int Repeat, long Trial, Dictionary<string, object> Values)> rows, bool pointZero)
    {
        var columns = new List<Col>
        {
            Col.Of("trial", rows.Select(r => r.Trial).ToArray()),
            Col.Of("point", rows.Select(r => pointZero ? 0 : r.Point).ToArray()),
            Col.Of("repeat", rows.Select(r => r.Repeat).ToArray()),
            Col.Of("seed", rows.Select(r => 1000 + r.Trial).ToArray()),
        };
        foreach (var (name, values) in _sweep)
        {
            columns.Add(values[0] is string
                ? Col.Of(name, rows.Select(r => (string)r.Values[name]).ToArray())
                : Col.Of(name, rows.Select(r => Convert.ToDouble(r.Values[name], System.Globalization.CultureInfo.InvariantCulture))
                    .ToArray()));
        }
        bool tensor = Output == "tensor";
        var acc = rows.Select(r => tensor ? double.NaN : Math.Round(Accuracy(r.Values, r.Repeat) * Samples) / Samples).ToArray();
        var outcomes = rows.Select(r => Outcomes(r.Trial, Samples) is var o && tensor ? o with { Critical = 0 } : o)
            .Select((o, i) => Sdc is null ? o : o with { Sdc = Sdc(rows[i].Values, rows[i].Repeat) }).ToArray();
        columns.Add(Col.Of("accuracy", acc));
        columns.Add(Col.Of("golden_accuracy", rows.Select(_ => tensor ? double.NaN : 0.9).ToArray()));
        columns.Add(Col.Of("float_accuracy", rows.Select(_ => tensor ? double.NaN : 0.91).ToArray()));
        columns.Add(Col.Of("correct", acc.Select(a => tensor ? 0 : (long)Math.Round(a * Samples)).ToArray()));
        columns.Add(Col.Of("total", rows.Select(_ => (long)Samples).ToArray()));
        columns.Add(Col.Of("changed", rows.Select(r => r.Trial % 4).ToArray()));
        columns.Add(Col.Of("faults", rows.Select(r => 10 * r.Trial + 3).ToArray()));
        columns.Add(Col.Of("masked", outcomes.Select(o => o.Masked).ToArray()));
        columns.Add(Col.Of("sdc", outcomes.Select(o => o.Sdc).ToArray()));
        columns.Add(Col.Of("critical_sdc", outcomes.Select(o => o.Critical).ToArray()));
        columns.Add(Col.Of("due", outcomes.Select(o => o.Due).ToArray()));
        columns.Add(Col.Of("elapsed_s", rows.Select(_ => 0.5).ToArray()));
        // Written by every run since [model] output existed; none of them is a sweep variable.
        columns.Add(Col.Of("output", rows.Select(_ => Output).ToArray()));
        columns.Add(Col.Of("rmse", rows.Select(r => tensor ? Rmse(r.Values, r.Repeat) : 0.01 * r.Trial).ToArray()));
        columns.Add(Col.Of("max_deviation", rows.Select(r => 0.1 * r.Trial).ToArray()));
        if (Outputs.Length > 0)
            columns.Add(Col.Of("output_rmse",
                rows.Select(r => Enumerable.Range(0, Outputs.Length).Select(k => OutputRmse(r.Values, r.Repeat, k)).ToArray()).ToArray()));
        Save(path, columns);
    }

    private void WriteObservers(string path, List<(int Point, int Repeat, long Trial, Dictionary<string, object> Values)> rows)
    {
        var o = new List<(long Trial, string Layer, string Observer, string Metric, long? Index, double? Value)>();
        foreach (var r in rows)
        {
            foreach (var (observer, metric, layers) in Observers)
                for (int l = 0; l < layers.Length; l++)
                    o.Add((r.Trial, layers[l], observer, metric, null,
                        NeverRan.Contains(layers[l]) && NeverRanIn(r.Trial) ? null : ObserverValue(r.Trial, l)));
            foreach (var (observer, metric) in VectorObservers)
                for (int i = 0; i < 4; i++) o.Add((r.Trial, "fc1", observer, metric, i, i));
        }
        Save(path,
        [
            Col.Of("trial", o.Select(x => x.Trial).ToArray()),
            Col.Of("layer", o.Select(x => x.Layer).ToArray()),
            Col.Of("position", o.Select(_ => "after").ToArray()),
            Col.Of("observer", o.Select(x => x.Observer).ToArray()),
            Col.Of("metric", o.Select(x => x.Metric).ToArray()),
            Col.Of("index", o.Select(x => x.Index).ToArray()),
            Col.Of("value", o.Select(x => x.Value).ToArray()),
        ]);
    }

    /// <summary>The value every scalar observer row gets.</summary>
    public static double ObserverValue(long trial, int layer) => 0.01 * (layer + 1) * (1 + trial % 5);

    private static void Save(string path, List<Col> columns) => SaveAsync(path, columns).GetAwaiter().GetResult();

    private static async Task SaveAsync(string path, List<Col> columns)
    {
        var schema = new ParquetSchema(columns.Select(c => c.Field));
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        foreach (var c in columns) await c.Write(group).ConfigureAwait(false);
    }
}
