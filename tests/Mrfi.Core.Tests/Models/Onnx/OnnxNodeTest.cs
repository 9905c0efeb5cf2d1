using Mrfi.Core.Models.Onnx;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>Runs one ONNX backend node test folder (model.onnx, test_data_set_*/input_*.pb and output_*.pb).</summary>
internal static class OnnxNodeTest
{
    private const double RelativeTolerance = 1e-3;
    private const double AbsoluteTolerance = 1e-7;

    /// <summary>The outcome of one test.</summary>
    public static (string Name, OnnxNodeTestKind Kind, string Detail) Run(string folder) => Run(folder, null);

    /// <summary>The outcome of one test; <paramref name="perturb"/> changes the expected outputs (to test the comparison).</summary>
    public static (string Name, OnnxNodeTestKind Kind, string Detail) Run(string folder, Func<Tensor, Tensor>? perturb)
    {
        string name = Path.GetFileName(folder);
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(folder, "model.onnx")));
        var missing = model.Graph.Node.Select(n => n.OpType).Where(op => !OnnxOperatorRegistry.Knows(op)).Distinct().ToList();
        if (missing.Count > 0) return (name, OnnxNodeTestKind.Unsupported, string.Join(", ", missing));
        foreach (var set in Directory.GetDirectories(folder, "test_data_set_*").Order(StringComparer.Ordinal))
        {
            (OnnxNodeTestKind Kind, string Detail)? outcome;
            try
            {
                outcome = RunSet(model, folder, set, perturb);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                outcome = (OnnxNodeTestKind.Failed, $"crashed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
            if (outcome is { } o) return (name, o.Kind, o.Detail);
        }
        return (name, OnnxNodeTestKind.Passed, "");
    }

    private static (OnnxNodeTestKind Kind, string Detail)? RunSet(ModelProto model, string folder, string set,
        Func<Tensor, Tensor>? perturb)
    {
        using var scope = NewDisposeScope();
        if (model.Graph.Input.FirstOrDefault(i => i.Type?.TensorType is null) is { } notTensor)
            return (OnnxNodeTestKind.Refused, $"graph input '{notTensor.Name}' is a sequence or optional, not a tensor");
        Tensor[] inputs, expected;
        try
        {
            inputs = Read(set, "input_");
            expected = Read(set, "output_");
        }
        catch (OnnxNodeException e)
        {
            return (OnnxNodeTestKind.Refused, $"test data: {e.Message}");
        }
        var graphInputs = model.Graph.Input.Where(i => model.Graph.Initializer.All(t => t.Name != i.Name)).Select(i => i.Name).ToList();
        if (inputs.Length == 0 || graphInputs.Count != inputs.Length)
            return (OnnxNodeTestKind.Refused, "the graph has no input (mrfi runs graphs on at least one input)");
        // Every input but the first becomes a constant, as a model's weights would be; the first runs through the graph.
        var bound = graphInputs.Skip(1).Zip(inputs.Skip(1)).ToDictionary(p => p.First, p => p.Second);
        OnnxGraphModule graph;
        try
        {
            graph = OnnxGraphBuilder.Build(model, folder, "test", bound);
        }
        catch (OnnxNodeException e)
        {
            // A refusal must name what it refuses: the node (or the model's opset, or a tensor).
            return e.Message.Contains("node '", StringComparison.Ordinal) || e.Message.Contains("opset", StringComparison.Ordinal)
                || e.Message.Contains("tensor '", StringComparison.Ordinal)
                ? (OnnxNodeTestKind.Refused, e.Message)
                : (OnnxNodeTestKind.Failed, $"refused without naming the node: {e.Message}");
        }
        using (graph)
        {
            Tensor[] actual;
            try
            {
                using var noGrad = torch.no_grad();
                actual = graph.Run([inputs[0]]);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return (OnnxNodeTestKind.Failed, $"threw while running: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
            if (actual.Length < expected.Length) return (OnnxNodeTestKind.Failed, $"{actual.Length} outputs instead of {expected.Length}");
            for (int i = 0; i < expected.Length; i++)
            {
                var want = perturb is null ? expected[i] : perturb(expected[i]);
                if (Difference(actual[i], want) is { } why) return (OnnxNodeTestKind.Failed, $"output {i}: {why}");
            }
        }
        return null;
    }

    private static Tensor[] Read(string set, string prefix) =>
        [.. Enumerable.Range(0, 100).Select(i => Path.Combine(set, $"{prefix}{i}.pb")).TakeWhile(File.Exists)
            .Select(p => OnnxTensors.ToTensor(TensorProto.Parser.ParseFrom(File.ReadAllBytes(p)), null))];

    private static string? Difference(Tensor actual, Tensor expected)
    {
        if (!actual.shape.SequenceEqual(expected.shape))
            return $"shape [{string.Join(",", actual.shape)}] instead of [{string.Join(",", expected.shape)}]";
        if (actual.dtype != expected.dtype) return $"type {actual.dtype} instead of {expected.dtype}";
        if (expected.numel() == 0) return null;
        using var a = actual.to_type(ScalarType.Float64);
        using var b = expected.to_type(ScalarType.Float64);
        using var bothNaN = a.isnan().logical_and(b.isnan());
        using var close = (a - b).abs().le(b.abs() * RelativeTolerance + AbsoluteTolerance).logical_or(bothNaN).logical_or(a.eq(b));
        long bad = close.logical_not().sum().item<long>();
        if (bad == 0) return null;
        double worst = (a - b).abs().nan_to_num(double.PositiveInfinity).max().item<double>();
        return $"{bad} of {expected.numel()} values differ (largest difference {worst})";
    }
}
