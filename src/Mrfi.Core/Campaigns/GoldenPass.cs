using Mrfi.Core.Planning;
using static TorchSharp.torch;

namespace Mrfi.Core.Campaigns;

/// <summary>What a sweep point's golden pass left for its trials: the golden outputs per batch and the golden accuracy.</summary>
/// <param name="Point">The sweep point.</param>
/// <param name="Outputs">The golden model's output for each batch (owned by the point's run, disposed after its trials).</param>
/// <param name="Accuracy">Golden accuracy (NaN when outputs are compared as tensors).</param>
/// <param name="Exit">The last injecting layer's golden outputs, where faulty forwards may stop early; null when unused.</param>
internal sealed record GoldenPass(SweepPoint Point, IReadOnlyList<Tensor> Outputs, double Accuracy, Injection.EarlyExit? Exit);
