using Mrfi.Core.Campaigns;
using Mrfi.Core.Configuration;
using Mrfi.Core.Data;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using Mrfi.Results.Schema;
using Serilog;

namespace Mrfi.Core.Experiments;

/// <summary>A campaign you can change between runs, from C# (`dotnet mrfi script`): MRFI's fine-grained dynamic
/// experiments — enable one layer at a time, change a rate or a bit, swap a selector — as a for-loop.</summary>
/// <example><code>
/// using var exp = Load("base.toml");
/// foreach (var layer in exp.Layers)
/// {
///     exp.Update("weights", e => e with { Modules = [layer] });
///     var r = exp.Run(repeats: 3, tag: new() { ["layer"] = exp.Layers.IndexOf(layer) });
///     Console.WriteLine($"{layer}: {r.Accuracy:P2}");
/// }
/// </code></example>
public sealed class Experiment : IDisposable
{
    private readonly ImageDataset _data;
    private readonly List<ExperimentResult> _results = [];
    private List<SweepPoint> _points;

    /// <summary>Wraps a plan (the experiment owns its model) and loads its data.</summary>
    public Experiment(CampaignPlan plan)
    {
        Plan = plan;
        _points = [.. plan.Points];
        _data = CampaignRunner.LoadData(plan);
        Layers = [.. ModuleMatcher.All(plan.Model).Skip(1).Select(m => m.Name)];
    }

    /// <summary>The plan as loaded.</summary>
    public CampaignPlan Plan { get; }

    /// <summary>The model's module names in order (what module_index numbers).</summary>
    public IReadOnlyList<string> Layers { get; }

    /// <summary>The fault entries of a sweep point as they stand now.</summary>
    public IReadOnlyList<FaultEntry> Entries(int point = 0) => _points[point].Entries;

    /// <summary>Every run so far.</summary>
    public IReadOnlyList<ExperimentResult> Results => _results;

    /// <summary>Changes the entry named <paramref name="entry"/> at every sweep point (FaultEntry is a record: use <c>with</c>).</summary>
    public void Update(string entry, Func<FaultEntry, FaultEntry> change)
    {
        if (!_points[0].Entries.Any(e => e.Name == entry))
            throw new MrfiException($"no fault entry named '{entry}'; the config has: " +
                $"{string.Join(", ", _points[0].Entries.Select(e => e.Name))}");
        UpdateAll(e => e.Name == entry ? change(e) : e);
    }

    /// <summary>Changes every entry at every sweep point.</summary>
    public void UpdateAll(Func<FaultEntry, FaultEntry> change)
    {
        var modules = Layers.Append(ModuleMatcher.RootName).ToHashSet();
        _points = [.. _points.Select(p => p with { Entries = [.. p.Entries.Select(change)] })];
        foreach (var e in _points.SelectMany(p => p.Entries))
        {
            var unknown = e.Modules.FirstOrDefault(m => !modules.Contains(m));
            if (unknown is not null)
                throw new MrfiException($"fault entry '{e.Name}' names module '{unknown}', which the model does not have; it has: " +
                    $"{string.Join(", ", Layers)}");
        }
    }

    /// <summary>Runs <paramref name="repeats"/> trials of one sweep point as the entries stand now.</summary>
    /// <param name="repeats">Trials.</param>
    /// <param name="point">Which sweep point of the config.</param>
    /// <param name="seed">Campaign seed (default: the config's).</param>
    /// <param name="tag">Values to attach to the trials, saved as columns: numbers, or strings (<c>["format"] = "int8"</c>),
    /// which become text columns and the report's labels.</param>
    public ExperimentResult Run(int repeats = 1, int point = 0, long? seed = null, Dictionary<string, object>? tag = null)
    {
        if (repeats < 1) throw new MrfiException("repeats must be at least 1");
        var config = Plan.Config with { Repeats = repeats };
        if (_points[point].Entries.FirstOrDefault(e => e.Enabled
            && e.ErrorModel is OffPointErrorModel) is { ErrorModel: OffPointErrorModel off } entry)
            throw new MrfiException($"fault entry '{entry.Name}' is switched on at sweep point {point}, whose values its arguments do " +
                $"not fit: {off.Problem.Message}", off.Problem);
        // The tag is checked before the run, so that a bad one costs no trials.
        SweepValues values;
        try
        {
            values = new SweepValues(tag ?? []);
        }
        catch (ArgumentException e)
        {
            throw new MrfiException($"tag: {e.Message}");
        }
        if (values.Names.FirstOrDefault(ResultsSchema.IsReserved) is { } reserved)
            throw new MrfiException($"{ResultsSchema.Clash("tag", reserved)}");
        var single = _points[point] with { Index = 0 };
        var plan = Plan with { Config = config, Points = [single] };
        var sink = new MemorySink();
        new CampaignRunner(Log.Logger).Run(plan, _data, sink, new SilentProgress(), seed);
        var result = new ExperimentResult(values, [.. sink.Trials.Select(t => t with { Sweep = values })], sink.Observers);
        _results.Add(result);
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _data.Dispose();
        Plan.Model.Dispose();
    }

    private sealed class MemorySink : ICampaignSink
    {
        public List<TrialRecord> Trials { get; } = [];
        public List<ObserverRecord> Observers { get; } = [];
        public void AddTrial(TrialRecord trial, IReadOnlyList<ObserverRecord> observers, IReadOnlyList<FaultRecord> faults)
            { Trials.Add(trial); Observers.AddRange(observers); }
        public void Complete(CampaignSummary summary) { }
    }
}
