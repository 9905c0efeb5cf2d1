using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Benchmarks;

/// <summary>The plain forward of one model on one batch, no hooks: the denominator of every ratio.</summary>
public sealed class GoldenSubject(nn.Module<Tensor, Tensor> model, Tensor images) : IBenchSubject
{
    private DisposeScope? _scope;

    /// <inheritdoc />
    public void Prepare(int round) => _scope = torch.NewDisposeScope();

    /// <inheritdoc />
    public void Run() => model.call(images);

    /// <inheritdoc />
    public void Finish(int round)
    {
        // The outputs are freed outside the timed run, as InjectionBenchmark.Time frees them.
        _scope?.Dispose();
        _scope = null;
    }
}
