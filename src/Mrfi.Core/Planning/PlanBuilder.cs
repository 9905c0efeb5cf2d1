using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Injection;
using Mrfi.Core.Models;
using static TorchSharp.torch;

namespace Mrfi.Core.Planning;

/// <summary>Turns a <see cref="MrfiConfig"/> into a <see cref="CampaignPlan"/>: builds the model, loads its weights,
/// resolves every component for every sweep point and every module filter. All user errors surface here, before any trial runs.</summary>
public sealed class PlanBuilder
{
    private static readonly string[] ModuleKeys =
        ["module_name", "module_type", "module_fullname", "module_index", "module_type_substring", "exclude", "position"];
    private static readonly SweepValues NoSweep = SweepValues.Empty;
    private readonly ComponentCatalog _catalog;
    private readonly IInlineComponents? _inline;

    /// <summary>Creates a builder over a component catalog (built-ins plus plugins) and, optionally, inline C# support.</summary>
    public PlanBuilder(ComponentCatalog catalog, IInlineComponents? inline = null)
    {
        _catalog = catalog;
        _inline = inline;
    }

    /// <summary>Builds the plan, throwing every problem at once.</summary>
    public CampaignPlan Build(MrfiConfig config)
    {
        var problems = new Problems();
        var plan = Build(config, problems);
        if (problems.Any) plan?.Model.Dispose();
        problems.ThrowIfAny();
        return plan!;
    }

    /// <summary>Builds the plan, recording every problem; entries with problems are left out, and null is returned when the
    /// model cannot be built.</summary>
    public CampaignPlan? Build(MrfiConfig config, Problems problems)
    {
        var activator = Activator(config);
        var loaded = problems.Try(() => ModelSources.Load(new ModelRequest(config, activator)));
        if (loaded is null) return null;
        var model = loaded.Module;
        var dataset = problems.Try(() => DatasetFactory(config.Data, activator));

        var sweepPoints = Combinations(config.Sweep, config.Zip).ToList();
        var entriesPerPoint = sweepPoints.Select(_ => new List<FaultEntry>()).ToList();
        foreach (var section in config.Faults)
        {
            problems.Try(() =>
            {
                var perPoint = SweptModules.Match(model, section.Modules, sweepPoints, $"fault entry '{section.Name}'");
                var matched = perPoint.SelectMany(m => m).ToList();
                if (section.PerSample && matched.FirstOrDefault(m =>
                    m.Module is not (TorchSharp.Modules.Conv2d or TorchSharp.Modules.Linear)) is { Module: not null } other)
                    throw MrfiException.At(section.Location,
                        $"fault entry '{section.Name}': per_sample weight faults are computed for Conv2d and Linear layers, but it " +
                        $"matches {(other.Name.Length == 0 ? "the whole model" : $"'{other.Name}'")} ({other.Module.GetType().Name}); " +
                        $"narrow module_type to [\"Conv2d\", \"Linear\"]");
                var modules = perPoint.Select(m => (IReadOnlyList<string>)[.. m.Select(x => x.Name)]).ToList();
                var built = EntryBuilder.Build(section, modules, sweepPoints, config.Sweep, activator);
                for (int p = 0; p < built.Count; p++) entriesPerPoint[p].Add(built[p]);
            });
        }
        var points = sweepPoints.Select((values, i) => new SweepPoint(i, values, entriesPerPoint[i])).ToList();

        var observers = new List<ObserverPlan>();
        foreach (var o in config.Observers)
        {
            problems.Try(() =>
            {
                string method = o.Table.String("method") ?? "inline";
                if (SweptModules.Refers(o.Modules))
                    throw MrfiException.At(o.Modules.Location,
                        $"[[observe]] {method}: an observer watches the same modules at every point; sweep variables in module selectors " +
                        $"work in [[fault_inject]] entries");
                var modules = ModuleMatcher.Match(model, o.Modules, $"[[observe]] {method}").Select(m => m.Name).ToList();
                var table = o.Table;
                IObserver Create() => activator.Create<IObserver>(ComponentKind.Observer, table, NoSweep, "method", ModuleKeys);
                _ = Create();
                observers.Add(new ObserverPlan(method, modules, o.Position, Create) { Location = table.Location });
            });
        }
        return new CampaignPlan(config, model, loaded.Name, loaded.InputShape, points, observers)
        {
            Dataset = dataset,
            Replica = () => ModelSources.Load(new ModelRequest(config, activator)).Module,
        };
    }

    /// <summary>The [model] with its weights loaded, in eval mode.</summary>
    public nn.Module<Tensor, Tensor> BuildModel(MrfiConfig config) => ModelSources.Load(new ModelRequest(config, Activator(config))).Module;

    private ComponentActivator Activator(MrfiConfig config) =>
        new(_catalog, new Injected(default, new ConfigFolder(Path.GetDirectoryName(Path.GetFullPath(config.Path))!)), _inline);

    /// <summary>For a data format provided by a plugin: checks that it binds now, and returns how to create it at load time.</summary>
    private static Func<IDataset>? DatasetFactory(DataSection data, ComponentActivator activator)
    {
        if (data.Table is not { } table) return null;
        if (activator.Catalog.Find(ComponentKind.Dataset, data.Format, out _) == "unknown")
        {
            string[] valid = [.. DataFormats.BuiltIn, .. activator.Catalog.Names(ComponentKind.Dataset)];
            throw MrfiException.At(table.LocationOf("format"),
                $"[data] format: unknown format '{data.Format}'. {NameSuggester.Hint(data.Format, valid)}");
        }
        IDataset Create() => activator.Create<IDataset>(ComponentKind.Dataset, table, NoSweep, "format", "limit");
        _ = Create();
        return Create;
    }

    private static IEnumerable<SweepValues> Combinations(IReadOnlyList<SweepVariable> sweep, bool zip)
    {
        if (zip && sweep.Count > 0)
            return Enumerable.Range(0, sweep[0].Count)
                .Select(i => new SweepValues(sweep.Select(v => KeyValuePair.Create(v.Name, v.ValueAt(i)))));
        IEnumerable<List<KeyValuePair<string, object>>> acc = [[]];
        foreach (var v in sweep)
            acc = acc.SelectMany(d => Enumerable.Range(0, v.Count)
                .Select(i => new List<KeyValuePair<string, object>>(d) { KeyValuePair.Create(v.Name, v.ValueAt(i)) })).ToList();
        return acc.Select(d => new SweepValues(d));
    }
}
