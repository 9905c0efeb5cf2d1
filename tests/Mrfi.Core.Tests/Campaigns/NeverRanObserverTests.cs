using System.Globalization;
using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Observers;
using Mrfi.Core.Planning;
using Mrfi.Core.Tests.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Campaigns;

// TorchSharp names a module's parameters after its fields: these are the state-dict keys (PyTorch's), not C# style.
#pragma warning disable IDE1006

[TestClass]
public sealed class NeverRanObserverTests
{
    /// <summary>A classifier with a module its forward never calls.</summary>
    private sealed class SpareNet : nn.Module<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Linear fc;
        private readonly TorchSharp.Modules.Linear spare;

        public SpareNet() : base(nameof(SpareNet))
        {
            torch.manual_seed(1);
            fc = nn.Linear(784, 10);
            spare = nn.Linear(10, 10);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => fc.call(input.flatten(1));
    }

    private sealed class Captured : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    private static readonly Dictionary<string, Func<IObserver>> Observers = new()
    {
        ["MinMax"] = () => new MinMaxObserver(), ["MaxAbs"] = () => new MaxAbsObserver(), ["MeanAbs"] = () => new MeanAbsObserver(),
        ["Std"] = () => new StdObserver(), ["Shape"] = () => new ShapeObserver(), ["Histogram"] = () => new HistogramObserver(),
        ["NaNInfCount"] = () => new NaNInfCountObserver(), ["RMSE"] = () => new RmseObserver(), ["SaveLast"] = () => new SaveLastObserver(),
        ["UniformSampling"] = () => new UniformSamplingObserver(),
    };

    private static readonly string[] Methods = [.. Observers.Keys];

    [TestMethod]
    public void A_module_that_never_ran_has_null_values_and_one_warning_naming_it()
    {
        // A LeNet plan with two repeats, run on a model whose 'spare' module is never called; every observer on both modules.
        var built = new PlanBuilder(ComponentCatalog.BuiltIn)
            .Build(ConfigReader.Read(ConfigFixture.Write(ConfigFixture.Full(extra: "[sweep]\nrepeats = 2\n\n"))));
        built.Model.Dispose();
        using var model = new SpareNet();
        var plan = built with
        {
            Model = model, ModelName = "SpareNet", Replica = null,
            Points = [.. built.Points.Select(p => p with { Entries = [] })],
            Observers = [.. Observers.Select(o => new ObserverPlan(o.Key, ["fc", "spare"], ObservePosition.After, o.Value))],
        };
        var log = new Captured();
        var sink = new MemorySink();
        new CampaignRunner(new LoggerConfiguration().WriteTo.Sink(log).CreateLogger()).Run(plan, sink, new SilentProgress());

        var spare = sink.Observers.Where(o => o.Layer == "spare").ToList();
        var fc = sink.Observers.Where(o => o.Layer == "fc").ToList();
        CollectionAssert.AreEquivalent(Methods, spare.Select(o => o.Observer).Distinct().ToList(),
            "every observer of the spare module has rows");
        Assert.IsTrue(spare.All(o => o.Value is null), string.Join("; ", spare.Where(o => o.Value is not null).Take(3)));
        Assert.AreEqual(2, spare.Select(o => o.Trial).Distinct().Count(), "null in both trials");
        Assert.IsTrue(fc.All(o => o.Value is not null), "the module that ran has values");
        CollectionAssert.AreEquivalent(Methods, fc.Select(o => o.Observer).Distinct().ToList());

        // The untrained model's golden accuracy is at chance, which the label-order check rightly warns about; not counted here.
        var warnings = log.Events.Where(e => e.Level == LogEventLevel.Warning).Select(e => e.RenderMessage(CultureInfo.InvariantCulture))
            .Where(w => !w.Contains("is the class order right?", StringComparison.Ordinal)).ToList();
        Assert.HasCount(Methods.Length, warnings,
            "one warning per observer of the spare module, not one per trial: " + string.Join("\n", warnings));
        Assert.IsTrue(warnings.All(w => w.Contains("at 'spare' (after) saw no tensor", StringComparison.Ordinal)
            && w.Contains("null", StringComparison.Ordinal)), warnings[0]);
    }
}
