using Mrfi.Core;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.Injection;
using Mrfi.Core.Planning;
using TorchSharp;

namespace Mrfi.Scripting.Tests;

[TestClass]
public sealed class InlineComponentsTests
{
    private const string Head = """
        [model]
        architecture = "LeNet"
        weights = "{assets}/lenet_fmnist.safetensors"

        [data]
        images = "{assets}/fmnist_test1000-images-idx3-ubyte"
        labels = "{assets}/fmnist_test1000-labels-idx1-ubyte"
        limit = 4

        """;

    private static string Write(string toml)
    {
        string path = Path.Combine(Repo.TempFolder("inline"), "mrfi.toml");
        File.WriteAllText(path, toml.Replace("{assets}", Repo.Assets, StringComparison.Ordinal));
        return path;
    }

    private static int LineOf(string path, string marker) =>
        File.ReadAllLines(path).Select((l, i) => (l, i)).First(x => x.l.Contains(marker, StringComparison.Ordinal)).i + 1;

    private static int ColumnOf(string path, string marker) =>
        File.ReadAllLines(path).First(l => l.Contains(marker, StringComparison.Ordinal)).IndexOf(marker, StringComparison.Ordinal) + 1;

    private static CampaignPlan Plan(string path, InlineComponents? inline = null) =>
        new PlanBuilder(ComponentCatalog.BuiltIn, inline ?? new InlineComponents(useCache: false)).Build(ConfigReader.Read(path));

    private static float[] Logits(CampaignPlan plan, ulong seed = 1)
    {
        using var data = Mrfi.Core.Campaigns.CampaignRunner.LoadData(plan);
        using var session = new FaultInjectionSession(plan.Model, plan.Points[0].Entries, []);
        session.BeginTrial((long)seed);
        using var noGrad = torch.no_grad();
        using var output = plan.Model.call(data.Images);
        return output.data<float>().ToArray();
    }

    [TestMethod]
    public void Inline_lambda_error_model_runs_inside_the_engine()
    {
        string path = Write(Head + """
            [[fault_inject]]
            target = "activation_out"
            module_fullname = "fc3"
            selector = { method = "FixPosition", position = [0, 9] }
            error_model = { code = "values => values.neg().mul(2)" }
            """);
        using var plan = Plan(path).Model;
        var baseline = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(Write(Head)));
        using var _ = baseline.Model;
        float clean = Logits(baseline)[9];
        var planned = Plan(path);
        using var __ = planned.Model;
        Assert.AreEqual(-2 * clean, Logits(planned)[9], 1e-5);
    }

    [TestMethod]
    public void Inline_selector_body_uses_the_trials_generator()
    {
        string path = Write(Head + """
            [[fault_inject]]
            target = "activation_out"
            module_fullname = "fc3"
            selector = { code = '''
            long numel = shape.Aggregate(1L, (a, b) => a * b);
            return torch.randint(0, numel, new long[] { 3 }, dtype: ScalarType.Int64, generator: rng);
            ''' }
            error_model = { method = "SetZero" }
            """);
        var plan = Plan(path);
        using var model = plan.Model;
        var a = Logits(plan, 5);
        var b = Logits(plan, 5);
        var c = Logits(plan, 6);
        CollectionAssert.AreEqual(a, b);
        CollectionAssert.AreNotEqual(a, c);
        Assert.IsTrue(a.Count(v => v == 0) is >= 1 and <= 3);
    }

    [TestMethod]
    public void Compile_errors_point_into_the_toml_all_at_once()
    {
        string path = Write(Head + """
            [[fault_inject]]
            target = "weight"
            module_fullname = "fc3"
            error_model = { code = '''
            var y = values.neg()
            return undefinedVar;
            ''' }
            """);
        var e = Assert.ThrowsExactly<MrfiException>(() => Plan(path));
        int first = LineOf(path, "var y = values.neg()");
        StringAssert.Contains(e.Message, $"mrfi.toml({first},21): error CS1002");
        StringAssert.Contains(e.Message, $"mrfi.toml({first + 1},8): error CS0103: The name 'undefinedVar' does not exist");
    }

    [TestMethod]
    public void Error_in_a_one_line_snippet_has_the_tomls_column()
    {
        string path = Write(Head + "[[fault_inject]]\ntarget = \"weight\"\nmodule_fullname = \"fc3\"\n" +
            "error_model = { code = \"values => values.nope()\" }\n");
        var e = Assert.ThrowsExactly<MrfiException>(() => Plan(path));
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(path, "nope")},{ColumnOf(path, "values.nope") + 7}): error CS1061");
    }

    [TestMethod]
    public void Exception_inside_a_snippet_names_its_line()
    {
        string path = Write(Head + """
            [[fault_inject]]
            target = "activation_out"
            module_fullname = "fc3"
            error_model = { code = '''
            if (values.numel() > 0)
                throw new InvalidOperationException("bad values");
            return values;
            ''' }
            """);
        var plan = Plan(path);
        using var model = plan.Model;
        var e = Assert.ThrowsExactly<MrfiException>(() => Logits(plan));
        StringAssert.Contains(e.Message, $"mrfi.toml({LineOf(path, "throw new")},");
        StringAssert.Contains(e.Message, "inline error model threw InvalidOperationException: bad values");
    }

    [TestMethod]
    public void Compiled_snippets_are_cached_on_disk_by_content()
    {
        string cache = Repo.TempFolder("snippet-cache");
        string path = Write(Head + "[[fault_inject]]\ntarget = \"weight\"\nmodule_fullname = \"fc3\"\n" +
            "error_model = { code = \"values => values.mul(0.5)\" }\n");
        var first = new InlineComponents(cacheFolder: cache);
        using (Plan(path, first).Model) { }
        var second = new InlineComponents(cacheFolder: cache);
        using (Plan(path, second).Model) { }
        var uncached = new InlineComponents(useCache: false);
        using (Plan(path, uncached).Model) { }
        Assert.IsFalse(first.Snippets.Single().FromCache);
        Assert.IsTrue(second.Snippets.Single().FromCache);
        Assert.IsFalse(uncached.Snippets.Single().FromCache);
        Assert.HasCount(1, Directory.GetFiles(cache, "*.dll"));
    }

    [TestMethod]
    public void No_scripts_refuses_a_config_with_inline_code()
    {
        string path = Write(Head + "[[fault_inject]]\ntarget = \"weight\"\nmodule_fullname = \"fc3\"\n" +
            "error_model = { code = \"values => values\" }\n");
        var e = Assert.ThrowsExactly<MrfiException>(() => Plan(path, new InlineComponents(allowed: false)));
        StringAssert.Contains(e.Message, "--no-scripts refuses");
    }

    [TestMethod]
    public void Inline_quantizer_and_observer_work_together()
    {
        string path = Write(Head + """
            [[fault_inject]]
            target = "activation_out"
            module_fullname = "fc3"
            quantization = { quantize = "x => x.mul_(4).round_()", dequantize = "x => x.div_(4)" }
            selector = { method = "EmptySelector" }
            error_model = { method = "SetZero" }

            [[observe]]
            code = "x => x.mul(4).sub(x.mul(4).round()).abs().max()"
            metric = "off_grid"
            module_fullname = "fc3"
            """);
        var plan = Plan(path);
        using var model = plan.Model;
        var observer = plan.Observers.Single();
        var binding = observer.Bind().Single();
        using var data = Mrfi.Core.Campaigns.CampaignRunner.LoadData(plan);
        using var session = new FaultInjectionSession(plan.Model, plan.Points[0].Entries, [binding]);
        using (torch.no_grad()) plan.Model.call(data.Images).Dispose();
        var metric = binding.Observer.Result().Single();
        Assert.AreEqual("off_grid", metric.Name);
        Assert.AreEqual(0.0, metric.Value, 1e-5, "outputs quantized to quarters");
    }

    [TestMethod]
    public void Inline_observer_of_value_and_golden_compares_the_faulty_batch_with_the_golden_one()
    {
        string path = Write(Head + """
            [[fault_inject]]
            target = "activation_out"
            module_fullname = "fc3"
            selector = { method = "FixPosition", position = [0, 9] }
            error_model = { method = "SetZero" }

            [[observe]]
            code = "(value, golden) => value.sub(golden).abs().max()"
            metric = "max_change"
            module_fullname = "fc3"
            """);
        var baseline = new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(Write(Head)));
        using var _ = baseline.Model;
        float clean = Logits(baseline)[9];
        var plan = Plan(path);
        using var model = plan.Model;
        var binding = plan.Observers.Single().Bind().Single();
        Assert.IsInstanceOfType<IGoldenAwareObserver>(binding.Observer, "two parameters: the engine must run a golden forward first");
        using var data = Mrfi.Core.Campaigns.CampaignRunner.LoadData(plan);
        using var session = new FaultInjectionSession(plan.Model, plan.Points[0].Entries, [binding]);
        session.BeginTrial(1);
        using (torch.no_grad())
        {
            using (session.Forward(InjectionMode.Golden)) plan.Model.call(data.Images).Dispose();
            plan.Model.call(data.Images).Dispose();
        }
        var metric = binding.Observer.Result().Single();
        Assert.AreEqual("max_change", metric.Name);
        Assert.AreEqual(Math.Abs(clean), metric.Value, 1e-5, "only image 0's logit 9 changed, to zero");
    }

    [TestMethod]
    [DataRow("value => value.abs().max()", false)]
    [DataRow("(value) => value.abs().max()", false)]
    [DataRow("(value, golden) => value.ne(golden).sum()", true)]
    [DataRow("(v, g) => 0.0", true)]
    [DataRow("return value.abs().max().item<float>();", false)]
    [DataRow("var changed = value.ne(golden);\nreturn changed.to_type(ScalarType.Float64).mean().item<double>();", true)]
    public void Inline_observer_compares_with_the_golden_run_only_when_its_code_takes_golden(string code, bool compares)
    {
        string path = Write(Head + $"[[observe]]\ncode = '''\n{code}\n'''\nmodule_fullname = \"fc3\"\n");
        var plan = Plan(path);
        using var model = plan.Model;
        Assert.AreEqual(compares, plan.Observers.Single().Create() is IGoldenAwareObserver);
    }

    [TestMethod]
    public void Inline_observer_weights_batches_by_their_size()
    {
        string path = Write(Head + "[[observe]]\ncode = \"value => (double)value.shape[0]\"\nmodule_fullname = \"fc3\"\n");
        var plan = Plan(path);
        using var model = plan.Model;
        var observer = plan.Observers.Single().Create();
        foreach (long n in new long[] { 2, 2, 1 })
        {
            using var batch = torch.zeros(n, 10);
            observer.Update(batch);
        }
        // Per batch 2, 2, 1; weighted by size (2 × 2 + 2 × 2 + 1 × 1) / 5, not their plain mean 5 / 3.
        Assert.AreEqual(9.0 / 5.0, observer.Result().Single().Value, 1e-12);
    }
}
