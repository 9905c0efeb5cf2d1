using Mrfi.Core.Benchmarks;
using static TorchSharp.torch;

namespace Mrfi.Tool.Commands;

/// <summary>What <see cref="BenchOnnx"/> measures: the imported graph, its built-in twin (or why there is none), the rows
/// and the batch.</summary>
/// <param name="Target">The --onnx target.</param>
/// <param name="Twin">The built-in model with the file's weights, or null.</param>
/// <param name="NoTwin">Why there is no twin (empty when there is one).</param>
/// <param name="Rows">The scenarios.</param>
/// <param name="Images">One batch, fed to both models.</param>
/// <param name="Iterations">Paired rounds per row.</param>
/// <param name="Single">The layer of the single faults.</param>
/// <param name="LeNet">Whether the twin is LeNet (fed the bundled images).</param>
internal sealed record BenchOnnxInput(BenchTarget Target, BenchTwin? Twin, string NoTwin, IReadOnlyList<BenchScenario> Rows, Tensor Images,
    int Iterations, string Single, bool LeNet)
{
    /// <summary>Throughput of CONFIG's campaign, when measured.</summary>
    public CampaignThroughput? Campaign { get; init; }
}
