using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Mrfi.Core.Models.Onnx;
using Mrfi.Core.Selectors;
using TorchSharp;
using Mrfi.Core.Configuration;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>Faults on an imported graph land exactly where they are drawn, on each kind of site: the weights of Conv, Gemm
/// and MatMul nodes, a node's input and a node's output.</summary>
[TestClass]
public sealed class OnnxHookTests
{
    private const float Marker = 100f;

    [TestMethod]
    [DataRow("conv", InjectionTarget.Weight, DisplayName = "Conv weight")]
    [DataRow("fc", InjectionTarget.Weight, DisplayName = "Gemm weight")]
    [DataRow("head", InjectionTarget.Weight, DisplayName = "MatMul weight")]
    [DataRow("act", InjectionTarget.Activation, DisplayName = "activation input (Relu)")]
    [DataRow("act2", InjectionTarget.ActivationOut, DisplayName = "activation output (Relu)")]
    public void A_fault_changes_exactly_the_drawn_positions_of_the_sites_tensor(string site, InjectionTarget target)
    {
        using var scope = NewDisposeScope();
        using var graph = OnnxGraphBuilder.Build(OnnxFixtures.FiveSites(), Path.GetTempPath(), "five");
        graph.eval();
        var input = torch.linspace(-1, 1, 2 * 36).reshape(2, 1, 6, 6);
        var module = (nn.Module<Tensor, Tensor>)graph.Sites.Single(s => s.Name == site).Module;
        using var noGrad = torch.no_grad();

        var (clean, cleanOutput) = Capture(graph, module, target, input);
        var entry = new FaultEntry("e", target, [site], ["weight"], true, null, false, new RandomPositionByRateSelector(0.2),
            new SetValueErrorModel([Marker]));
        float[] faulty;
        Tensor faultyOutput;
        List<Mrfi.Core.Injection.FaultRecord> records;
        using (var session = new FaultInjectionSession(graph, [entry], [], new SessionOptions { RecordFaults = true }))
        {
            (faulty, faultyOutput) = Capture(graph, module, target, input);
            records = [.. session.EndTrial().Records];
        }

        // Plain C#: the positions whose value changed are the drawn ones, and hold the error model's value.
        var changed = Enumerable.Range(0, clean.Length).Where(i => clean[i] != faulty[i]).Select(i => (long)i).ToList();
        Assert.IsNotEmpty(records, "faults were drawn");
        Assert.IsTrue(records.All(r => r.Layer == site), "records name the site");
        CollectionAssert.AreEquivalent(records.Select(r => r.Index).Distinct().ToList(), changed);
        Assert.IsTrue(changed.All(i => faulty[i] == Marker));
        Assert.IsFalse(cleanOutput.allclose(faultyOutput), "the fault reaches the graph's output");
    }

    // The site's tensor as the node computes with it (weights during the forward, input after the input hooks, output
    // after the output hooks), and the graph's output.
    private static (float[] Values, Tensor Output) Capture(OnnxGraphModule graph, nn.Module<Tensor, Tensor> module, InjectionTarget target,
        Tensor input)
    {
        float[] values = [];
        var pre = module.register_forward_pre_hook((m, x) =>
        {
            if (target == InjectionTarget.Weight)
                values = m.named_parameters().Single(p => p.name == "weight").parameter.data<float>().ToArray();
            if (target == InjectionTarget.Activation) values = x.contiguous().data<float>().ToArray();
            return x;
        });
        var post = module.register_forward_hook((m, x, y) =>
        {
            if (target == InjectionTarget.ActivationOut) values = y.contiguous().data<float>().ToArray();
            return y;
        });
        try
        {
            var output = graph.call(input);
            return (values, output);
        }
        finally
        {
            pre.remove();
            post.remove();
        }
    }
}
