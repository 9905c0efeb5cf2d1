using Microsoft.ML.OnnxRuntime;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>ONNX Runtime (NuGet Microsoft.ML.OnnxRuntime, tests only) as the independent executor: runs a file on the
/// given inputs with every graph optimisation off, so that it computes what the graph says and not a fused rewrite.</summary>
internal static class OrtReference
{
    /// <summary>The model's outputs, in graph order.</summary>
    public static IReadOnlyList<OutputValue> Run(string path, ModelInputs inputs)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        using var session = new InferenceSession(path, options);
        var values = inputs.Values.Select(v => v.Floats is { } f
            ? OrtValue.CreateTensorValueFromMemory(f, v.Shape)
            : OrtValue.CreateTensorValueFromMemory(v.Longs!, v.Shape)).ToList();
        try
        {
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, [.. inputs.Values.Select(v => v.Name)], values, session.OutputNames);
            return [.. outputs.Select(o => new OutputValue(o.GetTensorTypeAndShape().Shape, o.GetTensorDataAsSpan<float>().ToArray()))];
        }
        finally
        {
            foreach (var value in values) value.Dispose();
        }
    }
}
