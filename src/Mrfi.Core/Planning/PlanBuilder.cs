using Mrfi.Core.Binding;
using Mrfi.Core.Catalog;
using Mrfi.Core.Configuration;
using Mrfi.Core.Injection;
using Mrfi.Core.Models;
using static TorchSharp.torch;

namespace Mrfi.Core.Planning;

/// <summary>Turns a <see cref="MrfiConfig"/> into a <see cref="CampaignPlan"/>: builds the model, loads its weights,
/// resolves every component for every sweep point and every module filter. All user errors surface here, before any trial runs.</summary>
public sealed class PlanBuilder
{
    private static readonly string[] ModuleKeys = ["module_name", "module_type", "module_fullname", "position"];
    private readonly ComponentActivator _activator;

    /// <summary>Creates a builder over a component catalog.</summary>
    public PlanBuilder(ComponentCatalog catalog) => _activator = new ComponentActivator(catalog);

    /// <summary>Builds the plan.</summary>
    public CampaignPlan Build(MrfiConfig config)
    {
        var empty = new Dictionary<string, double>();
        var modelTable = config.Model.Table;
        string modelName = modelTable.RequiredString("architecture");
        var model = _activator.Create<nn.Module<Tensor, Tensor>>(ComponentKind.Model, modelTable, empty, "architecture", "weights");
        if (config.Model.Weights is { } weights) WeightLoader.Load(model, weights, config.Model.WeightsLocation);
        model.eval();
        long[] inputShape = ((IImageClassifier)model).InputShape;

        var resolved = config.Faults.Select(f => (Section: f, Modules: (IReadOnlyList<string>)[.. ModuleMatcher.Match(model, f.Modules, $"fault entry '{f.Name}'").Select(m => m.Name)])).ToList();
        var points = new List<SweepPoint>();
        foreach (var values in Combinations(config.Sweep))
        {
            var entries = resolved.Select(r => BuildEntry(r.Section, r.Modules, values)).ToList();
            points.Add(new SweepPoint(points.Count, values, entries));
        }

        var observers = new List<ObserverPlan>();
        foreach (var o in config.Observers)
        {
            var modules = ModuleMatcher.Match(model, o.Modules, $"[[observe]] {o.Table.String("method")}").Select(m => m.Name).ToList();
            string method = o.Table.RequiredString("method");
            _ = _activator.Create<IObserver>(ComponentKind.Observer, o.Table, empty, "method", ModuleKeys);
            var table = o.Table;
            observers.Add(new ObserverPlan(method, modules, o.Position, () => _activator.Create<IObserver>(ComponentKind.Observer, table, empty, "method", ModuleKeys)));
        }
        return new CampaignPlan(config, model, modelName, inputShape, points, observers);
    }

    private FaultEntry BuildEntry(FaultEntrySection s, IReadOnlyList<string> modules, IReadOnlyDictionary<string, double> values)
    {
        IQuantizer? quantizer = null;
        bool layerwise = true;
        if (s.Quantization is { } q)
        {
            layerwise = q.Boolean("layerwise") ?? true;
            quantizer = _activator.Create<IQuantizer>(ComponentKind.Quantizer, q, values, "method", "layerwise");
        }
        var error = _activator.Create<IErrorModel>(ComponentKind.ErrorModel, s.ErrorModel, values);
        EntryChecks.WidthsAgree(s, quantizer, error);
        var bits = new ValueBits(EntryChecks.BitsPerValue(quantizer, error));
        ISelector? selector = null;
        var scope = SelectorScope.Forward;
        if (s.Selector is { } sel)
        {
            scope = EntryChecks.Scope(sel);
            selector = _activator.Create<ISelector>(ComponentKind.Selector, sel, values, new Injected(bits), "method", "scope");
        }
        return new FaultEntry(s.Name, s.Target, modules, s.Parameters, s.Enabled, quantizer, layerwise, selector, error, scope);
    }

    private static IEnumerable<IReadOnlyDictionary<string, double>> Combinations(IReadOnlyList<SweepVariable> sweep)
    {
        IEnumerable<Dictionary<string, double>> acc = [new Dictionary<string, double>()];
        foreach (var v in sweep)
            acc = acc.SelectMany(d => v.Values.Select(x => new Dictionary<string, double>(d) { [v.Name] = x })).ToList();
        return acc;
    }
}
