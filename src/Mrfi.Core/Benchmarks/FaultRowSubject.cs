using Mrfi.Core.Injection;
using TorchSharp;
using static TorchSharp.torch;

namespace Mrfi.Core.Benchmarks;

/// <summary>One fault row: the model's forward with one sweep point's entries injecting, a fresh session (hooks, a new
/// trial seed) every round, set up outside the timed run as a campaign sets it up once per sweep point.</summary>
/// <remarks>For quantized entries it also times, after the faulty forward and outside the pair, the entry's golden run
/// (quantization, no faults): the golden a campaign with this entry compares against.</remarks>
public sealed class FaultRowSubject(nn.Module<Tensor, Tensor> model, IReadOnlyList<FaultEntry> entries, Tensor images) : IBenchSubject,
    IDisposable
{
    private readonly bool _quantized = entries.Any(e => e.Enabled && e.Quantizer is not null);
    private readonly List<double> _quantizedGolden = [];
    private FaultInjectionSession? _session;
    private DisposeScope? _scope;
    private long _faults;
    private int _rounds;

    /// <summary>Mean faults injected per timed forward.</summary>
    public double FaultsPerForward => _rounds == 0 ? 0 : _faults / (double)_rounds;

    /// <summary>Median milliseconds of the entry's golden run, or null for entries without a quantizer.</summary>
    public double? QuantizedGoldenMs => _quantizedGolden.Count > 0 ? InjectionBenchmark.Median(_quantizedGolden) : null;

    /// <inheritdoc />
    public void Prepare(int round)
    {
        _session = new FaultInjectionSession(model, entries, []);
        _session.BeginTrial(round + 1000);
        _scope = torch.NewDisposeScope();
    }

    /// <inheritdoc />
    public void Run() => model.call(images);

    /// <inheritdoc />
    public void Finish(int round)
    {
        _scope?.Dispose();
        _scope = null;
        var session = _session;
        _session = null;
        using (session)
        {
            if (round < 0) return;
            _faults += session!.FaultCount;
            _rounds++;
            if (!_quantized) return;
            using var golden = session.Forward(InjectionMode.Golden);
            _quantizedGolden.Add(InjectionBenchmark.Time(() => model.call(images)));
        }
    }

    /// <summary>Releases a session and scope left open when a round did not reach <see cref="Finish"/>.</summary>
    public void Dispose() => Finish(-1);
}
