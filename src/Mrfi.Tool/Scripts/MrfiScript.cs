using Mrfi.Core.Experiments;
using Mrfi.Results.Parquet;
using Spectre.Console;

namespace Mrfi.Tool.Scripts;

/// <summary>What a `dotnet mrfi script` sees besides the engine's namespaces: its arguments, <see cref="Load"/>,
/// <see cref="Print"/> and <see cref="Save"/>. Public because Roslyn scripts bind to it.</summary>
public sealed class MrfiScript
{
    private readonly IAnsiConsole _console;
    private readonly List<Experiment> _experiments = [];

    internal MrfiScript(IAnsiConsole console, string scriptPath, string[] args)
    {
        _console = console;
        ScriptFolder = Path.GetDirectoryName(Path.GetFullPath(scriptPath))!;
        Args = args;
    }

    /// <summary>Arguments after the script's path.</summary>
    public string[] Args { get; }

    /// <summary>The script's folder; relative paths given to <see cref="Load"/> and <see cref="Save"/> resolve against it.</summary>
    public string ScriptFolder { get; }

    /// <summary>Loads a config (with its plugins and inline C#) as an experiment to change and run.</summary>
    public Experiment Load(string config)
    {
        var experiment = new Experiment(ToolCatalog.Load(Path.Combine(ScriptFolder, config)));
        _experiments.Add(experiment);
        return experiment;
    }

    /// <summary>Prints a line.</summary>
    public void Print(object? value) => _console.Profile.Out.Writer.WriteLine(value);

    /// <summary>Writes the results of every run so far (or the given ones) as trials.parquet, observers.parquet and
    /// points.parquet (one point per run) in <paramref name="folder"/>; each run's tag values become columns, text tags
    /// (<c>["format"] = "int8"</c>) string columns.</summary>
    public string Save(string folder, IEnumerable<ExperimentResult>? results = null)
    {
        var runs = (results ?? _experiments.SelectMany(e => e.Results)).ToList();
        string path = Path.Combine(ScriptFolder, folder);
        var columns = runs.SelectMany(r => r.Tag.Names).Distinct().ToList();
        // A column is text or numbers, never both: a tag given as 3 in one run and "int8" in another has no column type.
        foreach (var c in columns.Where(c => runs.Any(r => r.Tag.Texts.ContainsKey(c)) && runs.Any(r => r.Tag.ContainsKey(c))))
            throw new Mrfi.Core.MrfiException($"tag '{c}' is a number in some runs and a string in others; give it one kind");
        var trials = new List<Mrfi.Core.Campaigns.TrialRecord>();
        var observers = new List<Mrfi.Core.Campaigns.ObserverRecord>();
        for (int point = 0; point < runs.Count; point++)
        {
            var run = runs[point];
            foreach (var t in run.Trials)
            {
                long id = trials.Count;
                trials.Add(t with { Trial = id, Point = point, Sweep = run.Tag });
                observers.AddRange(run.Observers.Where(o => o.Trial == t.Trial).Select(o => o with { Trial = id }));
            }
        }
        var first = _experiments.FirstOrDefault()?.Plan.Config;
        var sample = runs.FirstOrDefault()?.Trials is { Count: > 0 } sampled ? sampled[0] : null;
        ParquetResultSink.WriteAll(path, columns, trials, observers,
            new Mrfi.Core.Campaigns.CampaignSummary(first?.Path ?? "script", first?.Text ?? "", first?.Run.Seed ?? 0,
            _experiments.FirstOrDefault()?.Plan.ModelName ?? "", first?.Model.Weights, [], columns, trials.Count, sample?.Total ?? 0,
            sample?.FloatAccuracy ?? double.NaN,
            first?.Run.Device ?? "cpu", TorchSharp.torch.get_num_threads(), DateTime.UtcNow, DateTime.UtcNow));
        Print($"saved {trials.Count} trials to {path}");
        return path;
    }

    internal void DisposeAll()
    {
        foreach (var e in _experiments) e.Dispose();
    }
}
